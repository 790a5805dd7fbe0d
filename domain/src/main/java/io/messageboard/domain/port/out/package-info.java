/** Driven ports: what the core needs from storage and metrics. */
@NullMarked
package io.messageboard.domain.port.out;

import org.jspecify.annotations.NullMarked;
