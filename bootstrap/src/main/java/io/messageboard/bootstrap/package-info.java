/** The composition root and the server's entry point. */
@NullMarked
package io.messageboard.bootstrap;

import org.jspecify.annotations.NullMarked;
