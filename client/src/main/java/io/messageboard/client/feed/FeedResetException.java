package io.messageboard.client.feed;

import io.messageboard.domain.feed.FeedBounds;

/**
 * The feed could not resume where the subscriber asked (purged, or another store's position): what
 * changed since is unknown, so the subscriber reads the board again and subscribes after {@link
 * #bounds()}{@code .last()}.
 */
public final class FeedResetException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final FeedBounds bounds;

  public FeedResetException(FeedBounds bounds) {
    super(
        "the feed no longer holds the position asked for; it holds "
            + bounds.firstKept()
            + " to "
            + bounds.last());
    this.bounds = bounds;
  }

  /** The positions the feed held when it answered. */
  public FeedBounds bounds() {
    return bounds;
  }
}
