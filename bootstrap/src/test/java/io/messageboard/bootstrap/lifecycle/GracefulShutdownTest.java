package io.messageboard.bootstrap.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest {

  private final DrainState drainState = new DrainState();
  private final AtomicLong stoppedAt = new AtomicLong();

  @Test
  void startsDrainingAtOnceAndStopsOnlyAfterTheDrainPeriod() throws Exception {
    GracefulShutdown shutdown =
        new GracefulShutdown(
            drainState, Duration.ofMillis(600), () -> stoppedAt.set(System.nanoTime()));

    long started = System.nanoTime();
    CompletableFuture<Void> running = CompletableFuture.runAsync(shutdown::run);
    waitUntilDraining();
    assertThat(stoppedAt).as("not stopped during the drain").hasValue(0);

    running.get(5, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(stoppedAt.get() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(600));
  }

  @Test
  void stopsRightAwayWhenThereIsNoDrainPeriod() {
    new GracefulShutdown(drainState, Duration.ZERO, () -> stoppedAt.set(System.nanoTime())).run();

    assertThat(drainState.isDraining()).isTrue();
    assertThat(stoppedAt.get()).isNotZero();
  }

  private void waitUntilDraining() throws InterruptedException {
    for (int attempt = 0; attempt < 100 && !drainState.isDraining(); attempt++) {
      Thread.sleep(5);
    }
    assertThat(drainState.isDraining()).isTrue();
  }
}
