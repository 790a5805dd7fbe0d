package io.messageboard.application.feed;

import io.messageboard.domain.feed.FeedBounds;
import io.messageboard.domain.feed.FeedSubscription;
import io.messageboard.domain.feed.MessageEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One reader's subscription: the events the pump offers, in a buffer of the feed's size, and its
 * position, the last event handed out. It reads the log itself when it starts (whatever was
 * positioned before the pump knew of it) and whenever what it is offered does not follow its
 * position, so it never skips an event and hands none out twice.
 */
final class Subscription implements FeedSubscription {

  private final WatchMessagesService feed;
  private final BlockingQueue<Offer> offered;
  private final int buffered;
  private final ArrayDeque<MessageEvent> fromLog = new ArrayDeque<>();
  private @Nullable FeedBounds reset;
  private long position;
  private boolean catchingUp = true;
  private volatile @Nullable Reason ended;

  Subscription(WatchMessagesService feed, long position, @Nullable FeedBounds reset) {
    this.feed = feed;
    this.position = position;
    this.reset = reset;
    this.buffered = feed.settings().bufferedEvents();
    // One place more than the buffer: the end, which wakes a reader waiting for events.
    this.offered = new ArrayBlockingQueue<>(buffered + 1);
  }

  /** Called by the pump: every event of {@code events}, or the end of this subscription. */
  void offer(List<MessageEvent> events) {
    for (MessageEvent event : events) {
      if (ended != null) {
        return;
      }
      // Only the pump offers events, so the size it reads is never too low.
      if (offered.size() >= buffered) {
        feed.metrics().eventsDropped(offered.size() + 1);
        end(Reason.TOO_SLOW);
        return;
      }
      offered.add(new Offer(event));
    }
  }

  @Override
  public Delivery next(Duration wait) throws InterruptedException {
    Reason reason = ended;
    if (reason != null) {
      return new Delivery.Closed(reason);
    }
    FeedBounds pendingReset = reset;
    if (pendingReset != null) {
      reset = null;
      return new Delivery.Reset(pendingReset);
    }
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      MessageEvent event = fromLog.poll();
      if (event == null && catchingUp) {
        List<MessageEvent> missed = feed.log().after(position, FeedSettings.READ_BATCH);
        catchingUp = missed.size() == FeedSettings.READ_BATCH;
        fromLog.addAll(missed);
        event = fromLog.poll();
      }
      if (event == null) {
        Offer offer = offered.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        event = offer == null ? null : offer.event();
      }
      reason = ended;
      if (reason != null) {
        return new Delivery.Closed(reason);
      }
      if (event == null) {
        return new Delivery.Idle();
      }
      if (event.position() <= position) {
        continue;
      }
      if (event.position() > position + 1) {
        // Offered past a gap (it joined between pump rounds, or the log's batch ended): the log
        // has what lies between.
        catchingUp = true;
        continue;
      }
      position = event.position();
      feed.metrics().eventSent(Duration.between(event.recordedAt(), feed.clock().instant()));
      return new Delivery.Event(event);
    }
  }

  void end(Reason reason) {
    if (ended == null) {
      ended = reason;
    }
    feed.forget(this);
    offered.clear();
    offered.offer(Offer.END);
  }

  /** An event offered, or none: the end of the subscription. */
  private record Offer(@Nullable MessageEvent event) {
    static final Offer END = new Offer(null);
  }

  @Override
  public void close() {
    end(Reason.CLOSED);
  }
}
