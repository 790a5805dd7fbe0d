package io.messageboard.bench.harness;

import java.time.Duration;

/** Sleeping without a checked exception: an interrupt ends the run. */
final class Pause {

  private Pause() {}

  static void of(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static void seconds(double seconds) {
    of(Duration.ofMillis((long) (seconds * 1000)));
  }
}
