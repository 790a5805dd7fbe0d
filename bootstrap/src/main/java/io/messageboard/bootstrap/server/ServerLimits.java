package io.messageboard.bootstrap.server;

import io.javalin.config.JavalinConfig;
import java.time.Duration;
import java.util.function.Consumer;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Limits that keep slow or oversized clients from tying up the API server: the size of a request's
 * headers (which also bounds how many it can have), how long a connection may stay silent, the
 * slowest body upload accepted, and how many connections are open at once.
 */
public record ServerLimits(Duration idleTimeout, int maxConnections, int minBodyBytesPerSecond) {

  /** Request line and headers together; more gets 431 (or 414 for a long request line). */
  public static final int REQUEST_HEADER_BYTES = 8 * 1024;

  public ServerLimits {
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idle timeout must be positive");
    }
    if (minBodyBytesPerSecond < 0) {
      throw new IllegalArgumentException("the slowest body rate cannot be negative");
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("at least one connection must be allowed");
    }
  }

  /** Applies the limits to the API server's configuration. */
  // Jetty 12.1 deprecates the minimum request data rate in favour of MinimumDataRateHandler, which
  // would have to wrap the handler Javalin installs when it starts; the setting still works in
  // 12.1.
  @SuppressWarnings("removal")
  public Consumer<JavalinConfig> asServerSettings() {
    return config -> {
      config.jetty.modifyHttpConfiguration(
          http -> {
            http.setRequestHeaderSize(REQUEST_HEADER_BYTES);
            // A body arriving slower than this is refused with 408 (0 turns the check off).
            http.setMinRequestDataRate(minBodyBytesPerSecond);
          });
      config.jetty.modifyServer(this::limit);
    };
  }

  private void limit(Server server) {
    server.addBean(new NetworkConnectionLimit(maxConnections, server));
    // Javalin adds its connector after this runs; the idle timeout is set when the server starts.
    server.addEventListener(
        new LifeCycle.Listener() {
          @Override
          public void lifeCycleStarting(LifeCycle event) {
            for (Connector connector : server.getConnectors()) {
              if (connector instanceof AbstractConnector timed) {
                timed.setIdleTimeout(idleTimeout.toMillis());
              }
            }
          }
        });
  }
}
