package io.messageboard.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole stack soaked in one load window: the cluster fault tests' writes ({@link
 * ClusterWrites}) and, beside them, reads through nginx at about 70 % of the peak measured just
 * before under those writes. Over two minutes after a warm-up no replica's memory, open files or
 * threads and no database node's memory keep growing, Galera's flow control does not pause
 * replication more in the second minute than in the first, no request fails, and every node holds
 * every acknowledged write. Each test judges one part of what the window showed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoakIT {

  private static final int READ_WORKERS = 8;
  private static final Duration PEAK_MEASUREMENT = Duration.ofSeconds(10);
  private static final Duration WARM_UP = Duration.ofSeconds(40);
  private static final Duration HALF = Duration.ofMinutes(1);
  // Both loads are stopped once the last figures are read; the limit only bounds them.
  private static final Duration LOAD_LIMIT = WARM_UP.plus(HALF).plus(HALF).plusSeconds(30);
  // Jetty's pool and the client's connections move by a few under steady load; growth means more.
  private static final int THREAD_AND_FILE_JITTER = 5;
  private static final String PAUSED_NS = "wsrep_flow_control_paused_ns";
  private static final String SENT = "wsrep_flow_control_sent";
  private static final String POOL_DATA = "innodb_buffer_pool_bytes_data";
  // A minute of flow control may pause each node for a few hundred ms without a trend; growth
  // beyond that in the second minute is a node that no longer keeps up.
  private static final long PAUSE_JITTER_MILLIS = 1_000;
  private static final long SENT_JITTER = 10;

  private final ClusterFaultRun run = new ClusterFaultRun();
  private final List<String> programs = new ArrayList<>();
  private LoadFigures peak;
  private int peakPerSecond;
  private int readsPerSecond;
  private LoadFigures reads;
  private LoadFigures writes;
  private Map<String, LocalStack.ProcessFootprint> afterWarmUp;
  private Map<String, LocalStack.ProcessFootprint> atEnd;
  private Map<String, Long> poolAfterWarmUp;
  private Map<String, Long> poolAtEnd;
  private Map<String, Map<String, String>> flowAtStart;
  private Map<String, Map<String, String>> flowAtMiddle;
  private Map<String, Map<String, String>> flowAtEnd;

  @BeforeAll
  void readsBesideTheClusterWritesForTwoMinutesAfterAWarmUp() throws Exception {
    run.start(PEAK_MEASUREMENT.plus(LOAD_LIMIT));
    try {
      readBesideTheWrites();
    } finally {
      writes = run.stop();
    }
    printFigures();
  }

  private void readBesideTheWrites() throws Exception {
    programs.addAll(run.nodes.names());
    programs.addAll(LocalStack.REPLICAS);
    List<Long> ids = postMessagesToRead();
    LongFunction<LoadLoop.Request> readMostly = sequence -> readMostly(ids, sequence);

    peak = readLoad(100_000, readMostly).start(PEAK_MEASUREMENT).finish();
    peakPerSecond = (int) (peak.sent() / PEAK_MEASUREMENT.toSeconds());
    int perWorker = Math.max(1, peakPerSecond * 7 / 10 / READ_WORKERS);
    readsPerSecond = perWorker * READ_WORKERS;

    LoadLoop readLoad = readLoad(perWorker, readMostly).start(LOAD_LIMIT);
    try {
      ClusterFaultRun.sleep(WARM_UP.minus(LocalStack.SETTLING_WINDOW));
      afterWarmUp = run.local.settledFootprints(programs);
      poolAfterWarmUp = bufferPoolKib();
      flowAtStart = flowControl();
      ClusterFaultRun.sleep(HALF);
      flowAtMiddle = flowControl();
      ClusterFaultRun.sleep(HALF.minus(LocalStack.SETTLING_WINDOW));
      atEnd = run.local.settledFootprints(programs);
      poolAtEnd = bufferPoolKib();
      flowAtEnd = flowControl();
    } finally {
      reads = readLoad.stop();
    }
  }

  private void printFigures() {
    reads.print(
        "soak: reads through nginx at "
            + readsPerSecond
            + " requests/s (peak measured just before, beside the writes: "
            + peakPerSecond
            + "/s), "
            + HALF.multipliedBy(2).toSeconds()
            + " s after a "
            + WARM_UP.toSeconds()
            + " s warm-up",
        o -> o.status() == 200,
        "");
    Map<String, String> perMinute = new TreeMap<>();
    for (String node : run.nodes.names()) {
      perMinute.put(
          node,
          String.format(
              "paused %d then %d ms, flow control sent %d then %d",
              pausedMillis(flowAtStart, flowAtMiddle, node),
              pausedMillis(flowAtMiddle, flowAtEnd, node),
              delta(flowAtStart, flowAtMiddle, node, SENT),
              delta(flowAtMiddle, flowAtEnd, node, SENT)));
    }
    run.print(
        "soak: the cluster's writes beside those reads",
        writes,
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
  }

  @Test
  void everyReadSucceedsAndNoReplicaGrowsInMemoryFilesOrThreads() {
    assertThat(peak.matching(o -> o.status() != 200))
        .as("errors while measuring the peak")
        .isEmpty();
    assertThat(reads.matching(o -> o.status() != 200)).as("errors during the soak").isEmpty();
    for (String replica : LocalStack.REPLICAS) {
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

  @Test
  void anonymousMemoryStaysFlatAndFlowControlDoesNotGrow() {
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
      assertThat(pausedMillis(flowAtMiddle, flowAtEnd, node))
          .as("%s ms paused by flow control in the second minute", node)
          .isLessThanOrEqualTo(pausedMillis(flowAtStart, flowAtMiddle, node) + PAUSE_JITTER_MILLIS);
      assertThat(delta(flowAtMiddle, flowAtEnd, node, SENT))
          .as("%s flow control messages sent in the second minute", node)
          .isLessThanOrEqualTo(delta(flowAtStart, flowAtMiddle, node, SENT) + SENT_JITTER);
    }
  }

  @Test
  void noWriteFailsAndEveryNodeHoldsEveryAcknowledgedWrite() {
    assertThat(writes.matching(o -> o.status() >= 500 || o.status() < 0))
        .as("requests failed during the soak")
        .isEmpty();
    run.writes.checkOnEveryNode(run.nodes);
  }

  /** Messages for the reads to fetch, posted to one replica directly. */
  private List<Long> postMessagesToRead() throws Exception {
    LoadFigures posted =
        new LoadLoop(
                run.local.replicaUrl("app-1"),
                run.local.stack().apiToken(),
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
    return ids;
  }

  private LoadLoop readLoad(int perWorker, LongFunction<LoadLoop.Request> requests) {
    return new LoadLoop(
        run.local.stack().baseUrl(),
        run.local.stack().apiToken(),
        READ_WORKERS,
        perWorker,
        requests);
  }

  private static LoadLoop.Request readMostly(List<Long> ids, long sequence) {
    return sequence % 10 == 0
        ? LoadLoop.Request.get("/api/v1/messages?limit=20")
        : LoadLoop.Request.get(
            "/api/v1/messages/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
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

  private static long pausedMillis(
      Map<String, Map<String, String>> from, Map<String, Map<String, String>> to, String node) {
    return delta(from, to, node, PAUSED_NS) / 1_000_000;
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
