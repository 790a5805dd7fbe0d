package io.messageboard.domain.port.in;

import io.messageboard.domain.feed.FeedSubscription;
import java.util.OptionalLong;

/** Driving port: follow the board's changes, on any replica, as they commit. */
public interface WatchMessagesUseCase {

  /**
   * Subscribes to the changes after position {@code after} (none: from now on), each once and in
   * position order. A position the feed no longer holds (or never gave) is answered with {@link
   * FeedSubscription.Delivery.Reset} first, then the changes from now on.
   *
   * @throws io.messageboard.domain.failure.FeedBusyException when the feed already serves as many
   *     subscriptions as it may
   */
  FeedSubscription watch(OptionalLong after);
}
