package io.messageboard.client.wire;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The pause before retrying when the service named none: doubling from {@code first} up to {@code
 * longest}, each a random time in its upper half, so that clients refused together do not return
 * together.
 */
public record Backoff(Duration first, Duration longest) {

  public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));

  /** The pause after attempt {@code attempt} (from 1) failed. */
  public Supplier<Duration> after(int attempt) {
    return () -> {
      long ceiling = Math.min(longest.toMillis(), first.toMillis() << Math.min(attempt - 1, 20));
      return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    };
  }
}
