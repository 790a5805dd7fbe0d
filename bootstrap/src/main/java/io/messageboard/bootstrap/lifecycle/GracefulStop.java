package io.messageboard.bootstrap.lifecycle;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server settings that make stopping the API graceful: stop accepting, then wait (bounded) for
 * in-flight requests. Jetty still closes connections that stay silent for a second once stopping
 * starts, idle keep-alive ones and stalled clients alike; requests whose bytes keep flowing, or
 * whose handler is busy, are waited for.
 */
public final class GracefulStop {

  private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

  /**
   * How long a stopping server still serves requests on connections it had accepted: enough for a
   * request already on its way over loopback or a local network, short beside the drain.
   */
  static final Duration LAST_REQUESTS = Duration.ofMillis(250);

  private GracefulStop() {}

  /**
   * Settings for the API server; {@code timeout} bounds the wait for in-flight requests, and while
   * {@code drainState} is draining every response closes its connection.
   */
  public static Consumer<JavalinConfig> within(Duration timeout, DrainState drainState) {
    return within(timeout, drainState, LAST_REQUESTS);
  }

  /** As {@link #within(Duration, DrainState)}, serving late requests for {@code lastRequests}. */
  static Consumer<JavalinConfig> within(
      Duration timeout, DrainState drainState, Duration lastRequests) {
    long millis = Math.max(1, timeout.toMillis());
    return config ->
        config.jetty.modifyServer(
            server -> {
              // Javalin nests its own handlers inside a wrapper it finds on the server.
              server.setHandler(new DrainingGracefulHandler(drainState, lastRequests));
              server.setStopTimeout(millis);
            });
  }

  /**
   * Stops a server built with {@link #within}; returns false when requests were still running at
   * the timeout (the server is stopped all the same). Any other failure to stop is rethrown.
   */
  public static boolean stop(Javalin server) {
    try {
      server.stop();
      return true;
    } catch (RuntimeException e) {
      if (!isExpiredWait(e)) {
        throw e;
      }
      // Jetty reports the expired graceful wait as a failure after it has stopped everything.
      log.warn("In-flight requests did not finish before the shutdown timeout: {}", e.toString());
      return false;
    }
  }

  static boolean isExpiredWait(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }
}
