package io.messageboard.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.deploy.e2e.StackUnderTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * Two minutes through nginx at about 70 % of the peak measured just before: no errors, and no
 * replica's memory, open files or threads keep growing after warm-up.
 */
class SoakIT {

  private static final List<String> REPLICAS = List.of("app-1", "app-2", "app-3", "app-4");
  private static final int WORKERS = 8;
  private static final Duration WARM_UP = Duration.ofSeconds(40);
  private static final Duration SOAK = Duration.ofMinutes(2);
  // Jetty's pool and the client's connections move by a few under steady load; growth means more.
  private static final int THREAD_AND_FILE_JITTER = 5;

  private final LocalStack local = new LocalStack(StackUnderTest.fromSystemProperties());

  @Test
  void twoMinutesAtSeventyPercentOfPeakWithoutErrorsOrGrowth() throws Exception {
    LoadFigures posted =
        new LoadLoop(
                local.replicaUrl("app-1"),
                local.stack().apiToken(),
                1,
                50,
                i -> new LoadLoop.Request("POST", "/api/v1/messages", "{\"text\": \"soak\"}"))
            .start(Duration.ofSeconds(1))
            .finish();
    List<Long> ids =
        posted.outcomes().stream()
            .filter(o -> o.status() == 201)
            .map(o -> Long.parseLong(o.body().replaceAll(".*\"id\":([0-9]+).*", "$1")))
            .toList();
    assertThat(ids).as("messages to read during the soak").isNotEmpty();
    LongFunction<LoadLoop.Request> readMostly = sequence -> readMostly(ids, sequence);

    LoadFigures peak =
        new LoadLoop(
                local.stack().baseUrl(), local.stack().apiToken(), WORKERS, 100_000, readMostly)
            .start(Duration.ofSeconds(10))
            .finish();
    int peakPerSecond = peak.sent() / 10;
    int perWorker = Math.max(1, peakPerSecond * 7 / 10 / WORKERS);

    LoadLoop soak =
        new LoadLoop(
                local.stack().baseUrl(), local.stack().apiToken(), WORKERS, perWorker, readMostly)
            .start(SOAK);
    Thread.sleep(WARM_UP.minus(LocalStack.SETTLING_WINDOW).toMillis());
    Map<String, LocalStack.ProcessFootprint> afterWarmUp = local.settledFootprints(REPLICAS);
    Thread.sleep(SOAK.minus(WARM_UP).minus(LocalStack.SETTLING_WINDOW).toMillis());
    Map<String, LocalStack.ProcessFootprint> atEnd = local.settledFootprints(REPLICAS);
    LoadFigures figures = soak.finish();

    figures.print(
        "soak: "
            + SOAK.toSeconds()
            + " s through nginx at "
            + perWorker * WORKERS
            + " requests/s (peak measured just before: "
            + peakPerSecond
            + "/s)",
        o -> o.status() == 200,
        "lowest in the 15 s up to the end of the warm-up "
            + afterWarmUp
            + "\n[fault]   lowest in the last 15 s of the soak "
            + atEnd
            + " (RSS in KiB)");
    assertThat(peak.matching(o -> o.status() != 200))
        .as("errors while measuring the peak")
        .isEmpty();
    assertThat(figures.matching(o -> o.status() != 200)).as("errors during the soak").isEmpty();
    for (String replica : REPLICAS) {
      LocalStack.ProcessFootprint before = afterWarmUp.get(replica);
      LocalStack.ProcessFootprint after = atEnd.get(replica);
      assertThat(after.rssKib()).as("%s RSS", replica).isLessThan(before.rssKib() * 110 / 100);
      assertThat(after.openFiles())
          .as("%s open files", replica)
          .isLessThanOrEqualTo(before.openFiles() + THREAD_AND_FILE_JITTER);
      assertThat(after.threads())
          .as("%s threads", replica)
          .isLessThanOrEqualTo(before.threads() + THREAD_AND_FILE_JITTER);
    }
  }

  private static LoadLoop.Request readMostly(List<Long> ids, long sequence) {
    return sequence % 10 == 0
        ? LoadLoop.Request.get("/api/v1/messages?limit=20")
        : LoadLoop.Request.get(
            "/api/v1/messages/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
  }
}
