package io.messageboard.bootstrap.idempotency;

import io.messageboard.domain.port.in.PurgeIdempotencyKeysUseCase;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges expired idempotency keys on one background thread, once per {@link #INTERVAL}; a purge
 * never runs on a request thread, and a failed one (database down) is simply tried again next time.
 * Every replica runs one: deleting expired rows twice is harmless, and each batch is a short
 * transaction of its own.
 */
public final class KeyPurgeSchedule implements AutoCloseable {

  public static final Duration INTERVAL = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(KeyPurgeSchedule.class);

  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "idempotency-key-purge");
            thread.setDaemon(true);
            return thread;
          });
  private final PurgeIdempotencyKeysUseCase purge;
  private final ScheduledFuture<?> purges;

  private KeyPurgeSchedule(PurgeIdempotencyKeysUseCase purge) {
    this.purge = Objects.requireNonNull(purge, "purge");
    long millis = INTERVAL.toMillis();
    this.purges =
        scheduler.scheduleWithFixedDelay(this::purgeOnce, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Starts purging, the first time after one interval. */
  public static KeyPurgeSchedule start(PurgeIdempotencyKeysUseCase purge) {
    return new KeyPurgeSchedule(purge);
  }

  private void purgeOnce() {
    try {
      int purged = purge.purgeExpired();
      if (purged > 0) {
        log.info("Purged {} expired idempotency keys", purged);
      }
    } catch (RuntimeException e) {
      log.warn("Could not purge expired idempotency keys, trying again later: {}", e.toString());
    }
  }

  @Override
  public void close() {
    purges.cancel(true);
    scheduler.shutdownNow();
  }
}
