package io.messageboard.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The three database nodes restarted one after the other under load, each Synced again before the
 * next: no request fails, except with 503 and Retry-After (counted).
 */
class RollingNodeRestartIT {

  private final ClusterFaultRun run = new ClusterFaultRun();

  @Test
  void aRollingRestartOfTheNodesFailsNoRequestButWith503AndRetryAfter() throws Exception {
    run.start(Duration.ofMinutes(6));
    ClusterFaultRun.sleep(Duration.ofSeconds(3));
    Map<String, Long> syncedAfterMillis = new LinkedHashMap<>();
    Map<String, String> writerWhenRestarted = new LinkedHashMap<>();
    for (String node : run.nodes.names()) {
      writerWhenRestarted.put(node, run.nodes.writer());
      long restarted = System.nanoTime();
      run.local.restart(node);
      syncedAfterMillis.put(node, run.nodes.awaitAllSynced(Duration.ofMinutes(3), restarted));
    }
    ClusterFaultRun.sleep(Duration.ofSeconds(3));
    LoadFigures figures = run.stop();
    List<LoadLoop.Outcome> failed =
        figures.matching(
            o ->
                ClusterWrites.verdict(o) != ClusterWrites.Verdict.ACKNOWLEDGED
                    && o.status() != 412
                    && !(o.status() == 503 && o.retryAfter() != null));

    run.report(
        "rolling restart of " + run.nodes.names() + " (supervisorctl restart, each Synced first)",
        figures,
        "restart and Synced again, ms per node "
            + syncedAfterMillis
            + "; writer when each was restarted "
            + writerWhenRestarted
            + "; 503 with Retry-After "
            + figures.matching(o -> o.status() == 503 && o.retryAfter() != null).size()
            + " (outcome unknown among them "
            + run.writes.outcomeUnknownCount()
            + "); 412 from two PUTs racing on one version "
            + figures.matching(o -> o.status() == 412).size()
            + "; other failures "
            + failed.size());
    assertThat(failed)
        .as("requests that failed other than with 503 and Retry-After (or a race's 412)")
        .isEmpty();
  }
}
