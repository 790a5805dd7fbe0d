package io.messageboard.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

  private static final Path COMMITTED_REPORT =
      Path.of("src/test/resources/committed-run/report.md");

  @TempDir Path folder;

  @Test
  void writesTheTargetsOfACommittedRunAsTheyWereCommitted() throws IOException {
    Path report = folder.resolve("run.md");

    ReportWriter.write(Results.read(ResultsTest.COMMITTED_RUN), report, List.of());

    assertThat(section(report, "## Targets")).isEqualTo(section(COMMITTED_REPORT, "## Targets"));
  }

  @Test
  void writesTheTablesOfACommittedRunAsTheyWereCommitted() throws IOException {
    Path report = folder.resolve("run.md");

    ReportWriter.write(Results.read(ResultsTest.COMMITTED_RUN), report, List.of());

    assertThat(section(report, "## One replica, direct"))
        .isEqualTo(section(COMMITTED_REPORT, "## One replica, direct"));
    assertThat(section(report, "## Through nginx"))
        .isEqualTo(section(COMMITTED_REPORT, "## Through nginx"));
  }

  @Test
  void drawsTheChartsBesideTheReportNamedAfterIt() throws IOException {
    ReportWriter.write(
        Results.read(ResultsTest.COMMITTED_RUN), folder.resolve("run.md"), List.of());

    assertThat(folder.resolve("run-throughput.png")).isNotEmptyFile();
    assertThat(folder.resolve("run-latency-get.png")).isNotEmptyFile();
    assertThat(folder.resolve("run-latency-post.png")).isNotEmptyFile();
    assertThat(folder.resolve("run-nginx.png")).isNotEmptyFile();
  }

  @Test
  void drawsALatencyByPercentileChartPerOpenLoopScenario() throws IOException {
    Results results =
        new Results(
            Results.read(ResultsTest.COMMITTED_RUN).measurements(),
            Map.of(),
            List.of(
                OpenLoopMeasurementTest.measured("direct", "get-by-id", 50, 0),
                OpenLoopMeasurementTest.measured("nginx", "get-by-id", 80, 0),
                OpenLoopMeasurementTest.measured("direct", "post", 50, 0)));

    ReportWriter.write(results, folder.resolve("run.md"), List.of());

    assertThat(folder.resolve("run-open-loop-get-by-id.png")).isNotEmptyFile();
    assertThat(folder.resolve("run-open-loop-post.png")).isNotEmptyFile();
    assertThat(Files.readString(folder.resolve("run.md")))
        .contains("## Open loop: latency at a fixed rate");
  }

  @Test
  void appendsTheFragmentsAsTheyAre() throws IOException {
    Path fragment = Files.writeString(folder.resolve("profile.md"), "## Profile\n\n| a | b |\n");
    Path report = folder.resolve("run.md");

    ReportWriter.write(Results.read(ResultsTest.COMMITTED_RUN), report, List.of(fragment));

    assertThat(Files.readAllLines(report)).endsWith("", "## Profile", "", "| a | b |");
  }

  @Test
  void leavesOutTheNginxChartAndTableForARunWithoutTheStack() throws IOException {
    Results direct =
        new Results(
            Results.read(ResultsTest.COMMITTED_RUN).measurements().stream()
                .filter(m -> m.target().equals("direct"))
                .toList(),
            Map.of("mode", "quick"));
    Path report = folder.resolve("quick.md");

    ReportWriter.write(direct, report, List.of());

    assertThat(folder.resolve("quick-nginx.png")).doesNotExist();
    assertThat(folder.resolve("quick-open-loop-get-by-id.png")).doesNotExist();
    assertThat(Files.readString(report))
        .doesNotContain("Through nginx")
        .doesNotContain("Open loop")
        .contains("## One replica, direct");
  }

  /** The lines from a heading that starts with PREFIX up to the next heading, less blank ones. */
  private static List<String> section(Path report, String prefix) throws IOException {
    List<String> lines = Files.readAllLines(report);
    int start = 0;
    while (!lines.get(start).startsWith(prefix)) {
      start++;
    }
    int end = start + 1;
    while (end < lines.size() && !lines.get(end).startsWith("## ")) {
      end++;
    }
    while (lines.get(end - 1).isBlank()) {
      end--;
    }
    return lines.subList(start, end);
  }
}
