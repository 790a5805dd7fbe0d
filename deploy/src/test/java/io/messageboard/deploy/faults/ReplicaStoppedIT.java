package io.messageboard.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.messageboard.deploy.e2e.StackUnderTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A replica stopped with SIGTERM under mixed load: it drains, and no client sees an error. */
class ReplicaStoppedIT {

  private final LocalStack local = new LocalStack(StackUnderTest.fromSystemProperties());

  @Test
  void noRequestFailsWhileAReplicaShutsDownGracefully() throws Exception {
    String victim = "app-3";
    LoadLoop load =
        new LoadLoop(
                local.stack().baseUrl(),
                local.stack().apiToken(),
                4,
                40,
                MixedRequests::readsAndWrites)
            .start(Duration.ofSeconds(25));

    Thread.sleep(3_000);
    long stoppedPid = local.pid(victim);
    long stopping = System.nanoTime();
    local.kill(stoppedPid, "TERM");
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> local.readinessStatus(victim) == 503);
    long notReadyMillis = (System.nanoTime() - stopping) / 1_000_000;
    long backMillis = local.awaitRestartedAndReady(victim, stoppedPid, stopping);

    LoadFigures figures =
        load.finish()
            .print(
                "SIGTERM to " + victim + " during mixed load through nginx",
                MixedRequests::succeeded,
                "readiness 503 after "
                    + notReadyMillis
                    + " ms; exited and restarted by supervisord, ready again after "
                    + backMillis
                    + " ms");
    assertThat(figures.matching(o -> !MixedRequests.succeeded(o))).as("failed requests").isEmpty();
    assertThat(figures.sent()).isGreaterThan(1_000);
  }
}
