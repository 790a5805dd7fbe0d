package io.messageboard.bench.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.bench.Recorded;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JfrComponentsTest {

  private static final String JFR_THREAD_SAMPLE =
      """
      jdk.ExecutionSample {
        startTime = 12:33:04.001
        sampledThread = "JFR Recorder Thread" (javaThreadId = 17)
        state = "STATE_RUNNABLE"
        stackTrace = [
          java.util.UUID.randomUUID() line: 151
        ]
      }
      """;

  @Test
  void countsTheSamplesWithAComponentsFrameOnTheStack() {
    JfrComponents.Tally tally =
        JfrComponents.count(Recorded.text("jfr-execution-samples.txt").lines());

    // 12 samples of a loop that makes UUIDs, 7 of them inside java.util.UUID.
    assertThat(tally.total()).isEqualTo(12);
    assertThat(tally.hits())
        .containsEntry("UUID (request ids)", 7)
        .containsEntry("Jetty (HTTP server)", 0);
  }

  @Test
  void countsASampleOnceForAComponentWithSeveralFramesOnItsStack() {
    String sample =
        """
        jdk.ExecutionSample {
          sampledThread = "qtp-12" (javaThreadId = 30)
          stackTrace = [
            org.eclipse.jetty.io.ManagedSelector.select() line: 1
            org.eclipse.jetty.util.thread.QueuedThreadPool.run() line: 2
            io.javalin.Javalin.handle() line: 3
          ]
        }
        """;

    JfrComponents.Tally tally = JfrComponents.count(sample.lines());

    assertThat(tally.hits()).containsEntry("Jetty (HTTP server)", 1).containsEntry("Javalin", 1);
  }

  @Test
  void leavesOutTheRecordersOwnThreads() {
    JfrComponents.Tally tally =
        JfrComponents.count(
            Stream.concat(
                Recorded.text("jfr-execution-samples.txt").lines(), JFR_THREAD_SAMPLE.lines()));

    assertThat(tally.total()).isEqualTo(12);
    assertThat(tally.hits()).containsEntry("UUID (request ids)", 7);
  }

  @Test
  void writesAMarkdownRowPerComponentWithItsShare() {
    JfrComponents.Tally tally =
        JfrComponents.count(Recorded.text("jfr-execution-samples.txt").lines());

    assertThat(JfrComponents.table(tally))
        .startsWith("| component (frames on the stack) | samples | share |", "| --- | --- | --- |")
        .contains("| UUID (request ids) | 7 | 58.3 % |", "| JDBI | 0 | 0.0 % |")
        .endsWith("| all samples of the service's threads | 12 | 100 % |");
  }
}
