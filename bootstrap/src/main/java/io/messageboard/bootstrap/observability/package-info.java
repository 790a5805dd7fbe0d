/** The access log, request metrics and the log output format. */
@NullMarked
package io.messageboard.bootstrap.observability;

import org.jspecify.annotations.NullMarked;
