package io.messageboard.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A database node the replicas do not write to frozen with SIGSTOP for 20 s, then SIGCONT: the
 * other two keep serving, and the frozen node rejoins.
 */
class NodePausedIT {

  private static final Duration PAUSE = Duration.ofSeconds(20);

  private final ClusterFaultRun run = new ClusterFaultRun();

  @Test
  void theOtherTwoKeepServingWhileANodeIsFrozenAndItRejoinsAfterwards() throws Exception {
    run.start(PAUSE.plusSeconds(20));
    ClusterFaultRun.sleep(Duration.ofSeconds(5));
    String paused = run.nodes.nonWriter();
    long pid = run.nodes.pid(paused);
    long stopped = System.nanoTime();
    run.local.kill(pid, "STOP");
    long continued;
    try {
      ClusterFaultRun.sleep(PAUSE);
    } finally {
      continued = System.nanoTime();
      run.local.kill(pid, "CONT");
    }
    long syncedMillis = run.nodes.awaitAllSynced(Duration.ofMinutes(2), continued);
    LoadFigures figures = run.finish();
    long acknowledgedWhilePaused = run.writes.acknowledgedBetween(stopped, continued);
    long lastTenSeconds =
        run.writes.acknowledgedBetween(continued - Duration.ofSeconds(10).toNanos(), continued);

    run.report(
        "SIGSTOP of the non-writer node " + paused + " for " + PAUSE.toSeconds() + " s",
        figures,
        "writes acknowledged while it was frozen "
            + acknowledgedWhilePaused
            + " ("
            + lastTenSeconds
            + " in its last 10 s); slowest request "
            + figures.slowestMillis(o -> true)
            + " ms; "
            + paused
            + " Synced again "
            + syncedMillis
            + " ms after SIGCONT, same process "
            + (run.nodes.pid(paused) == pid));
    assertThat(lastTenSeconds).as("writes acknowledged in the last 10 s of the pause").isPositive();
    assertThat(figures.matching(o -> o.status() == 500)).as("500s").isEmpty();
  }
}
