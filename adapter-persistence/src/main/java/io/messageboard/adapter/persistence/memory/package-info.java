/** The in-memory message repository. */
@NullMarked
package io.messageboard.adapter.persistence.memory;

import org.jspecify.annotations.NullMarked;
