package io.messageboard.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.messageboard.deploy.e2e.StackUnderTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** nginx reloaded and restarted under load: a reload loses nothing, a restart only refuses. */
class NginxReloadedIT {

  private final LocalStack local = new LocalStack(StackUnderTest.fromSystemProperties());

  @Test
  void aReloadUnderLoadLosesNoRequest() throws Exception {
    LoadLoop load =
        new LoadLoop(
                local.stack().baseUrl(),
                local.stack().apiToken(),
                4,
                40,
                MixedRequests::readsAndWrites)
            .start(Duration.ofSeconds(16));
    List<Long> begunAroundReloads = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Thread.sleep(1_000);
      long before = load.begun();
      local.reloadNginx();
      Thread.sleep(3_000);
      begunAroundReloads.add(load.begun() - before);
    }

    LoadFigures figures =
        load.finish()
            .print(
                "nginx reloaded 3 times under mixed load",
                MixedRequests::succeeded,
                "requests begun from each reload to 3 s after it: " + begunAroundReloads);
    assertThat(figures.matching(o -> !MixedRequests.succeeded(o))).as("failed requests").isEmpty();
    // Load kept flowing across every reload, so "no failure" covers all three of them.
    assertThat(begunAroundReloads)
        .as("requests begun from each reload to 3 s after it")
        .hasSize(3)
        .allSatisfy(begun -> assertThat(begun).isGreaterThan(100));
  }

  @Test
  void aRestartUnderLoadGivesConnectionErrorsOnlyWhileNginxIsDownAndNeverAWrongAnswer()
      throws Exception {
    LoadLoop load =
        new LoadLoop(
                local.stack().baseUrl(),
                local.stack().apiToken(),
                4,
                40,
                MixedRequests::readsAndWrites)
            .start(Duration.ofSeconds(12));
    Thread.sleep(4_000);
    long restarting = System.nanoTime();
    local.restart("nginx");
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> LocalStack.status(local.stack().baseUrl() + "/") == 200);
    long downMillis = (System.nanoTime() - restarting) / 1_000_000;

    LoadFigures figures =
        load.finish()
            .print(
                "nginx restarted under mixed load",
                MixedRequests::succeeded,
                "serving again " + downMillis + " ms after the restart began");
    assertThat(figures.matching(o -> !MixedRequests.succeeded(o)))
        .as("every failure is a refused or dropped connection, never a wrong answer")
        .allSatisfy(outcome -> assertThat(outcome.connectionFailed()).isTrue());
    assertThat(figures.sent()).isGreaterThan(1_000);
  }
}
