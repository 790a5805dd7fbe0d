package io.messageboard.bootstrap.observability;

import io.messageboard.adapter.http.CompletedRequest;
import io.messageboard.adapter.http.RequestObserver;
import io.messageboard.adapter.metrics.HttpServerRequests;
import java.util.Objects;

/** Feeds every finished API request into the {@code http_server_requests_seconds} histogram. */
public final class RequestMetrics implements RequestObserver {

  private final HttpServerRequests requests;

  public RequestMetrics(HttpServerRequests requests) {
    this.requests = Objects.requireNonNull(requests, "requests");
  }

  @Override
  public void completed(CompletedRequest request) {
    requests.record(request.method(), request.route(), request.status(), request.duration());
  }
}
