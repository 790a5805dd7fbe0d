package io.messageboard.application.feed;

import io.messageboard.domain.failure.FeedBusyException;
import io.messageboard.domain.feed.FeedBounds;
import io.messageboard.domain.feed.FeedSubscription;
import io.messageboard.domain.feed.MessageEvent;
import io.messageboard.domain.port.in.WatchMessagesUseCase;
import io.messageboard.domain.port.out.FeedMetrics;
import io.messageboard.domain.port.out.MessageEventLog;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The change feed of one replica: a pump that the composition root runs on a timer gives positions
 * to the store's new changes (any replica's) and hands them to every open subscription's bounded
 * buffer; each reader takes from its own buffer, and one that falls behind by more than the buffer
 * is closed instead of holding the others up. The store's log is the truth: a subscription that
 * finds a gap between its position and what it is handed reads the missing events from the log.
 */
public final class WatchMessagesService implements WatchMessagesUseCase, AutoCloseable {

  private final MessageEventLog log;
  private final FeedSettings settings;
  private final FeedMetrics metrics;
  private final Clock clock;
  private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
  private final Object admission = new Object();
  private volatile long head = -1;
  private volatile boolean draining;

  public WatchMessagesService(
      MessageEventLog log, FeedSettings settings, FeedMetrics metrics, Clock clock) {
    this.log = Objects.requireNonNull(log, "log");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
    metrics.openSubscriptions(subscriptions::size);
  }

  @Override
  public FeedSubscription watch(OptionalLong after) {
    synchronized (admission) {
      if (draining || subscriptions.size() >= settings.maxSubscriptions()) {
        throw new FeedBusyException(settings.maxSubscriptions());
      }
      long now = currentHead();
      Subscription subscription;
      if (after.isEmpty()) {
        subscription = new Subscription(this, now, null);
      } else {
        FeedBounds bounds = log.bounds();
        subscription =
            bounds.canResumeAfter(after.getAsLong())
                ? new Subscription(this, after.getAsLong(), null)
                : new Subscription(this, Math.max(now, bounds.last()), bounds);
      }
      subscriptions.add(subscription);
      return subscription;
    }
  }

  /**
   * One round of the pump: positions for the changes committed since the last round, then every
   * event after the last one handed out, to every subscription. Returns how many events it handed
   * out. Runs on one thread at a time.
   */
  public int pump() {
    long last = log.sequence();
    long from = currentHead();
    int handed = 0;
    while (from < last) {
      List<MessageEvent> events = log.after(from, FeedSettings.READ_BATCH);
      if (events.isEmpty()) {
        break;
      }
      for (Subscription subscription : subscriptions) {
        subscription.offer(events);
      }
      from = events.get(events.size() - 1).position();
      head = from;
      handed += events.size();
    }
    return handed;
  }

  /** Deletes the events older than the retention; returns how many went. */
  public int purge() {
    int purged = 0;
    int deleted;
    do {
      deleted = log.purgeRecordedBefore(clock.instant().minus(settings.retention()), 1_000);
      purged += deleted;
    } while (deleted == 1_000);
    return purged;
  }

  /** How many readers the feed serves now. */
  public int subscriptionCount() {
    return subscriptions.size();
  }

  /** Closes every subscription and takes no more: the readers resume on another replica. */
  @Override
  public void close() {
    synchronized (admission) {
      draining = true;
    }
    for (Subscription subscription : subscriptions) {
      subscription.end(FeedSubscription.Reason.DRAINING);
    }
  }

  private long currentHead() {
    long known = head;
    if (known < 0) {
      known = log.sequence();
      head = known;
    }
    return known;
  }

  MessageEventLog log() {
    return log;
  }

  FeedSettings settings() {
    return settings;
  }

  FeedMetrics metrics() {
    return metrics;
  }

  Clock clock() {
    return clock;
  }

  void forget(Subscription subscription) {
    subscriptions.remove(subscription);
  }
}
