package io.messageboard.client.feed;

import io.messageboard.client.wire.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RemoteFeed} follows the service's change feed.
 *
 * @param retryDeadline how long reconnecting may go on failing, from the first failure in a row,
 *     before the subscription ends
 * @param heartbeatTimeout how long a stream (or a request's answer) may stay silent before it is
 *     taken for dead; the service sends a heartbeat every 15 s, so three of them by default
 * @param bufferedEvents deliveries read ahead of the reader; when they are all waiting, the stream
 *     is not read until the reader takes one
 * @param firstBackoff the pause after a first failed attempt when the service named none
 * @param longestBackoff the longest such pause; each pause doubles up to it, with jitter
 */
public record FeedSettings(
    Duration retryDeadline,
    Duration heartbeatTimeout,
    int bufferedEvents,
    Duration firstBackoff,
    Duration longestBackoff) {

  /** 30 s of retrying, 45 s of silence, 256 events, backoff from 100 ms to 2 s. */
  public static final FeedSettings DEFAULT =
      new FeedSettings(
          Duration.ofSeconds(30),
          Duration.ofSeconds(45),
          256,
          Duration.ofMillis(100),
          Duration.ofSeconds(2));

  public FeedSettings {
    Objects.requireNonNull(retryDeadline, "retryDeadline");
    if (retryDeadline.isNegative()) {
      throw new IllegalArgumentException("retryDeadline must not be negative");
    }
    requirePositive(heartbeatTimeout, "heartbeatTimeout");
    requirePositive(firstBackoff, "firstBackoff");
    requirePositive(longestBackoff, "longestBackoff");
    if (bufferedEvents < 1) {
      throw new IllegalArgumentException("bufferedEvents must be at least 1");
    }
    if (longestBackoff.compareTo(firstBackoff) < 0) {
      throw new IllegalArgumentException("longestBackoff must not be shorter than firstBackoff");
    }
  }

  /**
   * The pause after {@code failures} (from 1) failures in a row: doubling from {@code firstBackoff}
   * to {@code longestBackoff}, a random time in the upper half of that, so that the readers a
   * stopping replica drops do not all come back at once.
   */
  Duration backoff(int failures) {
    return new Backoff(firstBackoff, longestBackoff).after(failures).get();
  }

  /** These settings with another retry deadline. */
  public FeedSettings withRetryDeadline(Duration deadline) {
    return new FeedSettings(
        deadline, heartbeatTimeout, bufferedEvents, firstBackoff, longestBackoff);
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
