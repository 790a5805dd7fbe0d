package io.messageboard.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The database node the replicas write to killed with kill -9 during POSTs with client-chosen ids
 * and chains of If-Match PUTs: no acknowledged write is lost, and writing resumes on the others.
 */
class WriterNodeKilledIT {

  private final ClusterFaultRun run = new ClusterFaultRun();

  @Test
  void noAcknowledgedWriteIsLostAndWritesResumeWhenTheWriterNodeIsKilled() throws Exception {
    run.start(Duration.ofSeconds(25));
    ClusterFaultRun.sleep(Duration.ofSeconds(6));
    String writer = run.nodes.writer();
    run.local.kill(run.nodes.pid(writer), "KILL");
    long killed = System.nanoTime();
    LoadFigures figures = run.finish();
    long resumedMillis = run.writes.servingResumedMillis(figures, killed);
    String writerAfter = run.nodes.writer();
    long syncedMillis = run.nodes.awaitAllSynced(Duration.ofMinutes(3), killed);

    run.report(
        "kill -9 of the writer node " + writer + " during POSTs and If-Match PUTs",
        figures,
        "writes acknowledged again "
            + resumedMillis
            + " ms after the kill (first write sent after it and acknowledged), now through "
            + writerAfter
            + "; "
            + writer
            + " restarted by supervisord and every node Synced "
            + syncedMillis
            + " ms after the kill");
    assertThat(resumedMillis).as("writes acknowledged after the kill").isNotNegative();
    // The aim is 5 s; the bound leaves room for a loaded 2-core machine without hiding a hang.
    assertThat(resumedMillis).as("ms until writes resumed").isLessThan(15_000);
  }
}
