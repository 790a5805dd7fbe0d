package io.messageboard.bootstrap.feed;

import io.messageboard.application.feed.WatchMessagesService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the change feed's pump on one background thread every poll interval (each round gives
 * positions to new changes and hands them to the streams), and its purge of old events once a
 * minute on the same thread. A failed round (database down) is logged once per outage and tried
 * again at the next tick.
 */
public final class FeedSchedule implements AutoCloseable {

  static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(FeedSchedule.class);

  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "change-feed-pump");
            thread.setDaemon(true);
            return thread;
          });
  private final WatchMessagesService feed;
  private final List<ScheduledFuture<?>> rounds;
  private boolean failing;

  private FeedSchedule(WatchMessagesService feed, Duration pollInterval) {
    this.feed = feed;
    this.rounds =
        List.of(
            scheduler.scheduleWithFixedDelay(
                this::pumpOnce, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS),
            scheduler.scheduleWithFixedDelay(
                this::purgeOnce,
                PURGE_INTERVAL.toMillis(),
                PURGE_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS));
  }

  /** Starts pumping now, and purging after a minute. */
  public static FeedSchedule start(WatchMessagesService feed, Duration pollInterval) {
    return new FeedSchedule(feed, pollInterval);
  }

  private void pumpOnce() {
    try {
      feed.pump();
      if (failing) {
        log.info("The change feed reads its log again");
        failing = false;
      }
    } catch (RuntimeException e) {
      if (!failing) {
        log.warn("The change feed cannot read its log, trying again: {}", e.toString());
        failing = true;
      }
    }
  }

  private void purgeOnce() {
    try {
      int purged = feed.purge();
      if (purged > 0) {
        log.info("Purged {} change-feed events past their retention", purged);
      }
    } catch (RuntimeException e) {
      log.warn("Could not purge old change-feed events, trying again later: {}", e.toString());
    }
  }

  @Override
  public void close() {
    rounds.forEach(round -> round.cancel(true));
    scheduler.shutdownNow();
  }
}
