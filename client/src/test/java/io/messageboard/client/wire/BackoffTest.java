package io.messageboard.client.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;

/** Pauses double from the first to the longest, each in the upper half of its step. */
class BackoffTest {

  private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));

  @RepeatedTest(20)
  void eachPauseIsInTheUpperHalfOfItsStep() {
    assertThat(BACKOFF.after(1).get()).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(BACKOFF.after(2).get()).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(BACKOFF.after(4).get()).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
  }

  @RepeatedTest(20)
  void pausesStopGrowingAtTheLongest() {
    assertThat(BACKOFF.after(6).get()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(BACKOFF.after(1_000).get()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }
}
