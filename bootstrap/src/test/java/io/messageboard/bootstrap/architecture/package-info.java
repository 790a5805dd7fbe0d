/** Architecture rules and the tests that apply them. */
@NullMarked
package io.messageboard.bootstrap.architecture;

import org.jspecify.annotations.NullMarked;
