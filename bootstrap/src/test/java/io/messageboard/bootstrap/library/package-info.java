/** The library usage the README shows. */
@NullMarked
package io.messageboard.bootstrap.library;

import org.jspecify.annotations.NullMarked;
