/** The original system's {@code /data} API, kept compatible. */
@NullMarked
package io.messageboard.adapter.http.legacy;

import org.jspecify.annotations.NullMarked;
