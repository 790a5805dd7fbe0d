package io.messageboard.adapter.http.problem;

/**
 * Error bodies of an API that keeps a shape of its own instead of problem+json (the legacy API);
 * implemented where that API lives. Statuses stay chosen by {@link FailureMapping}.
 */
public interface ErrorBodyShape {

  /** Whether a request path belongs to this API. */
  boolean owns(String path);

  /** The body for {@code failure} of a request with {@code method}. */
  Object body(String method, Failure failure);
}
