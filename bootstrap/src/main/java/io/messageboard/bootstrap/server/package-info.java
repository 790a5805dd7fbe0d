/** The Jetty server's limits on slow, idle and too many clients. */
@NullMarked
package io.messageboard.bootstrap.server;

import org.jspecify.annotations.NullMarked;
