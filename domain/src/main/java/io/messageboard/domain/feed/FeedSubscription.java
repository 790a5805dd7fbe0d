package io.messageboard.domain.feed;

import java.time.Duration;

/**
 * One reader's place in the change feed: it takes the next delivery when it is ready for it, so a
 * slow reader waits on itself only. The feed buffers a bounded number of events for it and closes
 * it when that buffer overflows (the reader resumes from its last position, anywhere).
 */
public interface FeedSubscription extends AutoCloseable {

  /**
   * The next delivery, waiting up to {@code wait} for one: an event, a reset, nothing yet ({@link
   * Delivery.Idle}), or the end of the subscription ({@link Delivery.Closed}, for good).
   */
  Delivery next(Duration wait) throws InterruptedException;

  /** Ends the subscription; the feed forgets it. */
  @Override
  void close();

  /** What {@link #next} hands out. */
  sealed interface Delivery {

    /** The next change. */
    record Event(MessageEvent event) implements Delivery {}

    /**
     * The position asked for is not in the feed (purged, or another store's): what changed since is
     * unknown to the reader, who reads the board again; the changes from now on follow.
     */
    record Reset(FeedBounds bounds) implements Delivery {}

    /** Nothing within the wait. */
    record Idle() implements Delivery {}

    /** The subscription ended: the reader was too slow, or the replica is stopping. */
    record Closed(Reason reason) implements Delivery {}
  }

  /** Why a subscription ended. */
  enum Reason {
    /** Its buffer overflowed: the reader did not keep up. */
    TOO_SLOW,
    /** The replica is stopping: the reader resumes on another. */
    DRAINING,
    /** The reader closed it. */
    CLOSED
  }
}
