package io.messageboard.bootstrap.observability;

import io.messageboard.adapter.http.CompletedRequest;
import io.messageboard.adapter.http.RequestObserver;
import io.messageboard.adapter.http.v1.MessageEventsRoute;
import io.messageboard.adapter.metrics.HttpServerRequests;
import java.util.Objects;

/**
 * Feeds every finished API request into the {@code http_server_requests_seconds} histogram, but a
 * change-feed stream that was served: it lasts as long as its client listens, which is no latency,
 * and would drag every percentile and the request rate of the rules and panels; the feed has its
 * own series (messageboard_feed_*). A refused stream (406, 503) is an ordinary request and counted.
 */
public final class RequestMetrics implements RequestObserver {

  private final HttpServerRequests requests;

  public RequestMetrics(HttpServerRequests requests) {
    this.requests = Objects.requireNonNull(requests, "requests");
  }

  @Override
  public void completed(CompletedRequest request) {
    if (request.route().equals(MessageEventsRoute.PATH) && request.status() == 200) {
      return;
    }
    requests.record(request.method(), request.route(), request.status(), request.duration());
  }
}
