/** Domain failures: the unchecked exceptions the ports throw. */
@NullMarked
package io.messageboard.domain.failure;

import org.jspecify.annotations.NullMarked;
