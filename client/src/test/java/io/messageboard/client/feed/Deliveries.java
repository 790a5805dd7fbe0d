package io.messageboard.client.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.domain.feed.FeedSubscription;
import io.messageboard.domain.feed.FeedSubscription.Delivery;
import io.messageboard.domain.feed.MessageEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Takes what a subscription delivers, within a bound generous enough for a busy machine. */
final class Deliveries {

  static final Duration PATIENCE = Duration.ofSeconds(10);

  private Deliveries() {}

  /** The next {@code count} events; fails on anything else but idleness, or when they are late. */
  static List<MessageEvent> events(FeedSubscription subscription, int count)
      throws InterruptedException {
    List<MessageEvent> events = new ArrayList<>();
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (events.size() < count && System.nanoTime() < deadline) {
      Delivery delivery = subscription.next(Duration.ofMillis(100));
      if (delivery instanceof Delivery.Event event) {
        events.add(event.event());
      } else {
        assertThat(delivery).as("delivery while waiting for events").isEqualTo(new Delivery.Idle());
      }
    }
    assertThat(events).as("events within " + PATIENCE).hasSize(count);
    return events;
  }

  /** The first delivery that is not idleness. */
  static Delivery nextBusy(FeedSubscription subscription) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      Delivery delivery = subscription.next(Duration.ofMillis(100));
      if (!(delivery instanceof Delivery.Idle)) {
        return delivery;
      }
    }
    throw new AssertionError("nothing delivered within " + PATIENCE);
  }

  static List<Long> positions(List<MessageEvent> events) {
    return events.stream().map(MessageEvent::position).toList();
  }
}
