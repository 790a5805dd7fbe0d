/** Start-up and graceful shutdown: draining, signals, stop timeouts. */
@NullMarked
package io.messageboard.bootstrap.lifecycle;

import org.jspecify.annotations.NullMarked;
