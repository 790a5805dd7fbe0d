package io.messageboard.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.messageboard.deploy.e2e.Topology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A node the replicas do not write to cut off from the other two (nftables on the loopback
 * addresses): it leaves the primary component and refuses queries, the majority keeps serving, and
 * once the network heals the node catches up by incremental state transfer (IST).
 */
class NodePartitionedIT {

  private static final Duration CUT_OFF = Duration.ofSeconds(20);

  private final ClusterFaultRun run = new ClusterFaultRun();

  @Test
  void aNodeCutOffRefusesTheMajorityServesAndTheNodeRejoinsByIst() throws Exception {
    run.start(CUT_OFF.plusSeconds(20));
    ClusterFaultRun.sleep(Duration.ofSeconds(5));
    String isolated = run.nodes.nonWriter();
    Topology.Program node = run.nodes.node(isolated);
    List<Topology.Program> others =
        run.nodes.names().stream()
            .filter(name -> !name.equals(isolated))
            .map(run.nodes::node)
            .toList();
    Path log = run.nodes.log(isolated);
    long cut = System.nanoTime();
    long nonPrimaryMillis;
    Map<String, String> statusWhileCut;
    LocalStack.Finished readWhileCut;
    long logBeforeHeal;
    long healed;
    NetworkPartition partition = NetworkPartition.isolate(node, others);
    try {
      await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> !"Primary".equals(clusterStatus(isolated)));
      nonPrimaryMillis = ClusterFaultRun.millisSince(cut);
      ClusterFaultRun.sleep(CUT_OFF.minusMillis(Math.min(nonPrimaryMillis, CUT_OFF.toMillis())));
      statusWhileCut =
          run.nodes.status(
              isolated, "wsrep_cluster_status", "wsrep_ready", "wsrep_local_state_comment");
      readWhileCut = run.nodes.answer(isolated, "SELECT COUNT(*) FROM messageboard.messages");
      logBeforeHeal = Files.size(log);
    } finally {
      partition.close();
      healed = System.nanoTime();
    }
    long syncedMillis = run.nodes.awaitAllSynced(Duration.ofMinutes(2), healed);
    String rejoinLog = tail(log, logBeforeHeal);
    LoadFigures figures = run.finish();
    long acknowledgedWhileCut = run.writes.acknowledgedBetween(cut, healed);

    run.report(
        "node " + isolated + " cut off from the other two for " + CUT_OFF.toSeconds() + " s",
        figures,
        isolated
            + " out of the primary component "
            + nonPrimaryMillis
            + " ms after the cut: "
            + statusWhileCut
            + "; a read on it answered: "
            + readWhileCut
                .output()
                .lines()
                .filter(line -> line.startsWith("ERROR"))
                .findFirst()
                .orElse(readWhileCut.output().strip())
            + "; writes acknowledged by the majority meanwhile "
            + acknowledgedWhileCut
            + "; Synced again "
            + syncedMillis
            + " ms after healing; its log: "
            + rejoinLog
                .lines()
                .filter(line -> line.contains("Receiving IST:") || line.contains("IST received"))
                .map(line -> line.replaceAll("^.*WSREP: ", ""))
                .toList());
    assertThat(statusWhileCut).containsEntry("wsrep_ready", "OFF");
    assertThat(statusWhileCut.get("wsrep_cluster_status")).isNotEqualTo("Primary");
    assertThat(readWhileCut.succeeded()).as("a read on the cut-off node succeeded").isFalse();
    assertThat(acknowledgedWhileCut).as("writes acknowledged while it was cut off").isPositive();
    assertThat(rejoinLog).as("%s's log after healing", isolated).contains("IST received");
  }

  private String clusterStatus(String node) {
    return run.nodes.status(node, "wsrep_cluster_status").get("wsrep_cluster_status");
  }

  private static String tail(Path file, long from) throws java.io.IOException {
    byte[] bytes = Files.readAllBytes(file);
    int start = (int) Math.min(from, bytes.length);
    return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
  }
}
