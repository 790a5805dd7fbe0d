package io.messageboard.adapter.http.v1;

/** The {@code data:} of the change feed's events that are not a message (openapi.yaml). */
final class FeedEventBodies {

  private FeedEventBodies() {}

  /** A deletion: the message's id and the version deleted. */
  record Deleted(int id, long version) {}

  /** A resumption the feed cannot serve: what to do, and the positions it holds. */
  record Reset(String detail, long firstKept, long last) {}
}
