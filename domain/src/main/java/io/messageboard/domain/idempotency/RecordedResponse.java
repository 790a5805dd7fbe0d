package io.messageboard.domain.idempotency;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The response a request got, kept under its idempotency key so that a retry gets it again: status,
 * the headers that describe the result (e.g. Location, ETag, Content-Type) and the body.
 */
public record RecordedResponse(int status, Map<String, String> headers, String body) {

  public RecordedResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
    headers.forEach(RecordedResponse::requireSingleLine);
    Objects.requireNonNull(body, "body");
  }

  /** The headers in name order, so that every store writes them the same way. */
  public Map<String, String> sortedHeaders() {
    return new TreeMap<>(headers);
  }

  private static void requireSingleLine(String name, String value) {
    if (name.isEmpty() || (name + value).chars().anyMatch(c -> c == '\r' || c == '\n')) {
      throw new IllegalArgumentException("header " + name + " is not a single line");
    }
  }
}
