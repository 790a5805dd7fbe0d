package io.messageboard.bootstrap.lifecycle;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's graceful handler that also ends keep-alive while the replica drains: every response in
 * the drain period closes its connection, so a proxy in front holds no idle connection to this
 * replica when it stops accepting, and sends no request that would arrive too late. A request on a
 * connection accepted just before the stop is still served (see {@link #shutdown}).
 */
final class DrainingGracefulHandler extends GracefulHandler {

  private final DrainState drainState;
  private final Duration lastRequests;

  /**
   * {@code lastRequests}: how long after stopping begins requests on connections already accepted
   * are still served rather than refused with 503.
   */
  DrainingGracefulHandler(DrainState drainState, Duration lastRequests) {
    this.drainState = Objects.requireNonNull(drainState, "drainState");
    this.lastRequests = Objects.requireNonNull(lastRequests, "lastRequests");
  }

  /**
   * Refuses new requests only after {@code lastRequests}. Jetty shuts its graceful parts down
   * together, so the connectors stop accepting at once; but a proxy may have opened a connection
   * just before and be sending its one request (while draining, every connection closes after its
   * response). Refused, that request would be a 503 the proxy may not retry (a POST); served in
   * this short window it is counted like any other, and the stop waits for it.
   */
  @Override
  public CompletableFuture<Void> shutdown() {
    return CompletableFuture.runAsync(
            () -> {},
            CompletableFuture.delayedExecutor(lastRequests.toMillis(), TimeUnit.MILLISECONDS))
        .thenCompose(served -> super.shutdown());
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (drainState.isDraining()) {
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    }
    return super.handle(request, response, callback);
  }
}
