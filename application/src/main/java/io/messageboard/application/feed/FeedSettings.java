package io.messageboard.application.feed;

import java.time.Duration;
import java.util.Objects;

/**
 * How the change feed serves its readers.
 *
 * @param maxSubscriptions the open subscriptions one replica serves at most
 * @param bufferedEvents events held for one reader that has not taken them; one more closes it
 * @param retention how long the log keeps an event; resuming from an older one gets a reset
 */
public record FeedSettings(int maxSubscriptions, int bufferedEvents, Duration retention) {

  /** Events read from the log at a time, by the pump and by a reader catching up. */
  public static final int READ_BATCH = 500;

  public FeedSettings {
    if (maxSubscriptions < 1 || bufferedEvents < 1) {
      throw new IllegalArgumentException("the feed needs room for one reader and one event");
    }
    Objects.requireNonNull(retention, "retention");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("the feed keeps its events for a while, not " + retention);
    }
  }
}
