package io.messageboard.bootstrap.lifecycle;

import java.util.Objects;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's graceful handler that also ends keep-alive while the replica drains: every response in
 * the drain period closes its connection, so a proxy in front holds no idle connection to this
 * replica when it stops accepting, and sends no request that would arrive too late.
 */
final class DrainingGracefulHandler extends GracefulHandler {

  private final DrainState drainState;

  DrainingGracefulHandler(DrainState drainState) {
    this.drainState = Objects.requireNonNull(drainState, "drainState");
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (drainState.isDraining()) {
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    }
    return super.handle(request, response, callback);
  }
}
