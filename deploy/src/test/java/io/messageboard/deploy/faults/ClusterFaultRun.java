package io.messageboard.deploy.faults;

import io.messageboard.deploy.e2e.StackUnderTest;
import java.time.Duration;

/**
 * What every cluster fault test does around its fault: waits for a healthy cluster, runs {@link
 * ClusterWrites} through nginx, then prints the figures and checks every node.
 */
final class ClusterFaultRun {

  private static final int WORKERS = 4;
  private static final int REQUESTS_PER_SECOND_PER_WORKER = 25;

  final LocalStack local = new LocalStack(StackUnderTest.fromSystemProperties());
  final ClusterNodes nodes = new ClusterNodes(local);
  final ClusterWrites writes = new ClusterWrites(local);
  private LoadLoop load;

  /** Three nodes Synced and every replica ready, then the load for at most {@code duration}. */
  ClusterFaultRun start(Duration duration) throws Exception {
    nodes.awaitHealthy();
    writes.postChains();
    load = writes.load(WORKERS, REQUESTS_PER_SECOND_PER_WORKER).start(duration);
    return this;
  }

  LoadFigures finish() throws Exception {
    return load.finish();
  }

  LoadFigures stop() throws Exception {
    return load.stop();
  }

  /** Prints the figures with the test's own, then checks every node (see {@link ClusterWrites}). */
  void report(String title, LoadFigures figures, String extra) {
    print(title, figures, extra);
    writes.checkOnEveryNode(nodes);
  }

  /** Prints the figures with the test's own, the writes' included. */
  void print(String title, LoadFigures figures, String extra) {
    figures.print(
        title,
        o -> ClusterWrites.verdict(o) == ClusterWrites.Verdict.ACKNOWLEDGED,
        writes.figures() + "\n[fault]   " + extra);
  }

  static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  static void sleep(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }
}
