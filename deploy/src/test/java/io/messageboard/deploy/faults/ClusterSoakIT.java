package io.messageboard.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Two minutes of reads and writes on the cluster after a warm-up: the memory of the database nodes
 * and the replicas stays flat, and Galera's flow control does not pause replication more in the
 * second minute than in the first.
 */
class ClusterSoakIT {

  private static final Duration WARM_UP = Duration.ofSeconds(30);
  private static final Duration HALF = Duration.ofMinutes(1);
  private static final String PAUSED_NS = "wsrep_flow_control_paused_ns";
  private static final String SENT = "wsrep_flow_control_sent";
  private static final String POOL_DATA = "innodb_buffer_pool_bytes_data";
  // A minute of flow control may pause each node for a few hundred ms without a trend; growth
  // beyond that in the second minute is a node that no longer keeps up.
  private static final long PAUSE_JITTER_MILLIS = 1_000;
  private static final long SENT_JITTER = 10;

  private final ClusterFaultRun run = new ClusterFaultRun();

  @Test
  void memoryStaysFlatAndFlowControlDoesNotGrowOverTwoMinutes() throws Exception {
    run.start(WARM_UP.plus(HALF).plus(HALF).plusSeconds(5));
    List<String> programs = new ArrayList<>(run.nodes.names());
    programs.addAll(LocalStack.REPLICAS);
    ClusterFaultRun.sleep(WARM_UP.minus(LocalStack.SETTLING_WINDOW));
    Map<String, LocalStack.ProcessFootprint> afterWarmUp = run.local.settledFootprints(programs);
    Map<String, Long> poolAfterWarmUp = bufferPoolKib();
    Map<String, Map<String, String>> start = flowControl();
    ClusterFaultRun.sleep(HALF);
    Map<String, Map<String, String>> middle = flowControl();
    ClusterFaultRun.sleep(HALF.minus(LocalStack.SETTLING_WINDOW));
    Map<String, LocalStack.ProcessFootprint> atEnd = run.local.settledFootprints(programs);
    Map<String, Long> poolAtEnd = bufferPoolKib();
    Map<String, Map<String, String>> end = flowControl();
    LoadFigures figures = run.finish();

    Map<String, String> perMinute = new TreeMap<>();
    for (String node : run.nodes.names()) {
      perMinute.put(
          node,
          String.format(
              "paused %d then %d ms, flow control sent %d then %d",
              delta(start, middle, node, PAUSED_NS) / 1_000_000,
              delta(middle, end, node, PAUSED_NS) / 1_000_000,
              delta(start, middle, node, SENT),
              delta(middle, end, node, SENT)));
    }
    run.report(
        "soak on the cluster: " + HALF.multipliedBy(2).toSeconds() + " s after a warm-up",
        figures,
        "flow control per node, first then second minute "
            + perMinute
            + "\n[fault]   lowest in the 15 s up to the end of the warm-up "
            + afterWarmUp
            + "\n[fault]   lowest in the last 15 s "
            + atEnd
            + " (RSS and anonymous memory in KiB); InnoDB buffer pool data "
            + poolAfterWarmUp
            + " then "
            + poolAtEnd
            + " KiB");
    for (String program : programs) {
      // Anonymous memory: a node's RSS also counts the pages of files it maps, above all Galera's
      // write-set cache (a ring buffer file of gcache.size that fills with writes, then wraps),
      // bounded and not a leak. Its buffer pool likewise fills with the pages the load touches
      // until it reaches its size. What else a process holds must stay flat.
      long poolGrowth =
          Math.max(
              0, poolAtEnd.getOrDefault(program, 0L) - poolAfterWarmUp.getOrDefault(program, 0L));
      assertThat(atEnd.get(program).anonKib() - poolGrowth)
          .as("%s anonymous memory, less the buffer pool's growth of %d KiB", program, poolGrowth)
          .isLessThan(afterWarmUp.get(program).anonKib() * 110 / 100);
    }
    for (String node : run.nodes.names()) {
      assertThat(delta(middle, end, node, PAUSED_NS) / 1_000_000)
          .as("%s ms paused by flow control in the second minute", node)
          .isLessThanOrEqualTo(
              delta(start, middle, node, PAUSED_NS) / 1_000_000 + PAUSE_JITTER_MILLIS);
      assertThat(delta(middle, end, node, SENT))
          .as("%s flow control messages sent in the second minute", node)
          .isLessThanOrEqualTo(delta(start, middle, node, SENT) + SENT_JITTER);
    }
    assertThat(figures.matching(o -> o.status() >= 500 || o.status() < 0))
        .as("requests failed during the soak")
        .isEmpty();
  }

  /** Each node's InnoDB buffer pool pages holding data, in KiB. */
  private Map<String, Long> bufferPoolKib() {
    Map<String, Long> kib = new TreeMap<>();
    for (String node : run.nodes.names()) {
      Map<String, String> status = run.nodes.status(node, POOL_DATA);
      assertThat(status).as("%s buffer pool figures", node).containsKey(POOL_DATA);
      kib.put(node, Long.parseLong(status.get(POOL_DATA)) / 1024);
    }
    return kib;
  }

  private Map<String, Map<String, String>> flowControl() {
    Map<String, Map<String, String>> figures = new TreeMap<>();
    for (String node : run.nodes.names()) {
      Map<String, String> status = run.nodes.status(node, PAUSED_NS, SENT);
      assertThat(status).as("%s flow control figures", node).containsKeys(PAUSED_NS, SENT);
      figures.put(node, status);
    }
    return figures;
  }

  private static long delta(
      Map<String, Map<String, String>> from,
      Map<String, Map<String, String>> to,
      String node,
      String variable) {
    return Long.parseLong(to.get(node).get(variable))
        - Long.parseLong(from.get(node).get(variable));
  }
}
