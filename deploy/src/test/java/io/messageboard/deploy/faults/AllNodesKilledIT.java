package io.messageboard.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every database node killed with kill -9 within one second, the writer last, then {@code
 * deploy/local/stack up} as an operator would run it: the cluster forms again from the most
 * advanced node, with every acknowledged write.
 */
class AllNodesKilledIT {

  private static final Duration BETWEEN_KILLS = Duration.ofMillis(400);

  private final ClusterFaultRun run = new ClusterFaultRun();

  @Test
  void afterAFullOutageStackUpReformsTheClusterWithEveryAcknowledgedWrite() throws Exception {
    run.start(Duration.ofMinutes(1));
    ClusterFaultRun.sleep(Duration.ofSeconds(8));
    String writer = run.nodes.writer();
    List<String> order = new ArrayList<>(run.nodes.names());
    order.remove(writer);
    order.add(writer);
    Map<String, Long> pids = new TreeMap<>();
    order.forEach(node -> pids.put(node, run.nodes.pid(node)));
    long firstKill = System.nanoTime();
    for (String node : order) {
      run.local.kill(pids.get(node), "KILL");
      if (!node.equals(writer)) {
        ClusterFaultRun.sleep(BETWEEN_KILLS);
      }
    }
    long killSpanMillis = ClusterFaultRun.millisSince(firstKill);
    ClusterFaultRun.sleep(Duration.ofSeconds(2));
    LoadFigures figures = run.stop();

    long upStarted = System.nanoTime();
    String up = run.local.up();
    long upMillis = ClusterFaultRun.millisSince(upStarted);
    long syncedMillis = run.nodes.awaitAllSynced(Duration.ofMinutes(3), upStarted);

    run.report(
        "kill -9 of all three nodes within " + killSpanMillis + " ms (writer " + writer + " last)",
        figures,
        "order "
            + order
            + "; deploy/local/stack up took "
            + upMillis
            + " ms; every node Synced "
            + syncedMillis
            + " ms after it began; what up said about the recovery: "
            + up.lines().filter(line -> line.contains("[stack]")).toList());
    assertThat(killSpanMillis).as("ms between the first and the last kill").isLessThan(1_000);
    assertThat(run.writes.acknowledgedCount())
        .as("writes acknowledged before the kill")
        .isPositive();
  }
}
