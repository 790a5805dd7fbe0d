package io.messageboard.adapter.http;

import java.time.Duration;

/**
 * What the API reports about each finished request. {@code route} is the route template ({@code
 * /api/v1/messages/{id}}) or {@code NOT_FOUND}, never the raw path, so it is safe as a metric
 * label.
 */
public record CompletedRequest(
    String requestId, String method, String route, int status, Duration duration) {

  public static final String UNMATCHED_ROUTE = "NOT_FOUND";
}
