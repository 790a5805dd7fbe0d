/** Headers every answer of the API carries. */
@NullMarked
package io.messageboard.adapter.http.headers;

import org.jspecify.annotations.NullMarked;
