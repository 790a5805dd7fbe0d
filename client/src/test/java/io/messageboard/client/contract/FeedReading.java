package io.messageboard.client.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.domain.feed.FeedSubscription;
import io.messageboard.domain.feed.FeedSubscription.Delivery;
import io.messageboard.domain.feed.MessageEvent;
import io.messageboard.domain.model.MessageId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading a feed in a test: the next delivery or event within a bound, and the events of one
 * message among those of others (a shared stack has other writers).
 */
final class FeedReading {

  /** Long enough for a busy stack's feed (it delivers within a second when well). */
  static final Duration PATIENCE = Duration.ofSeconds(20);

  private FeedReading() {}

  /** The next delivery that is not {@link Delivery.Idle}. */
  static Delivery nextDelivery(FeedSubscription feed) throws InterruptedException {
    Instant giveUp = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(giveUp)) {
      Delivery delivery = feed.next(Duration.ofMillis(200));
      if (!(delivery instanceof Delivery.Idle)) {
        return delivery;
      }
    }
    throw new AssertionError("no delivery within " + PATIENCE);
  }

  /** The next event; a reset or the end of the feed fails the test. */
  static MessageEvent nextEvent(FeedSubscription feed) throws InterruptedException {
    Delivery delivery = nextDelivery(feed);
    assertThat(delivery).isInstanceOf(Delivery.Event.class);
    return ((Delivery.Event) delivery).event();
  }

  /** The next {@code count} events of message {@code id}, skipping other messages' events. */
  static List<MessageEvent> eventsOf(FeedSubscription feed, MessageId id, int count)
      throws InterruptedException {
    return eventsOf(feed, id, count, null);
  }

  /** As above, counting {@code alreadyRead} (an event read before) first. */
  static List<MessageEvent> eventsOf(
      FeedSubscription feed,
      MessageId id,
      int count,
      @org.jspecify.annotations.Nullable MessageEvent alreadyRead)
      throws InterruptedException {
    List<MessageEvent> events = new ArrayList<>();
    if (alreadyRead != null && alreadyRead.messageId().equals(id)) {
      events.add(alreadyRead);
    }
    while (events.size() < count) {
      MessageEvent event = nextEvent(feed);
      if (event.messageId().equals(id)) {
        events.add(event);
      }
    }
    return events;
  }
}
