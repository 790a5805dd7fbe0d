package io.messageboard.bench.report;

import static io.messageboard.bench.report.OpenLoopMeasurementTest.measured;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenLoopSectionTest {

  @Test
  void putsTheClosedLoopFiguresOfTheSameScenarioAndRouteBesideTheOpenLoops() throws IOException {
    Results results =
        new Results(
            Results.read(ResultsTest.COMMITTED_RUN).measurements(),
            Map.of(),
            List.of(measured("direct", "get-by-id", 50, 0)));

    assertThat(new OpenLoopSection(results).row(results.openLoop().get(0)))
        .isEqualTo(
            "| direct | get-by-id | 5389 (5382) | 0.80 | 1.90 | 1.90 | 2.0 | 12 (0) | 0"
                + " | 10778, 1.28 / 4.32 / 11.8 | messageboard 62; generator 14 |");
  }

  @Test
  void saysWhenTheClosedLoopDidNotMeasureTheScenario() {
    Results results = new Results(List.of(), Map.of(), List.of(measured("nginx", "post", 80, 0)));

    assertThat(new OpenLoopSection(results).row(results.openLoop().get(0)))
        .contains("| not measured |");
  }

  @Test
  void givesATablePerRateAndAChartPerScenario() {
    Results results =
        new Results(
            List.of(),
            Map.of(),
            List.of(
                measured("direct", "get-by-id", 50, 0),
                measured("direct", "get-by-id", 80, 0),
                measured("direct", "post", 50, 0),
                measured("direct", "post", 80, 0)));

    List<String> lines = new OpenLoopSection(results).lines("run");

    assertThat(lines)
        .contains(
            "## Open loop: latency at a fixed rate",
            "### 50 % of the closed-loop peak",
            "### 80 % of the closed-loop peak",
            "![get-by-id, open loop](run-open-loop-get-by-id.png)",
            "![post, open loop](run-open-loop-post.png)");
    assertThat(lines.stream().filter(l -> l.startsWith("| direct |"))).hasSize(4);
  }

  @Test
  void isLeftOutOfARunWithoutOpenLoops() {
    assertThat(new OpenLoopSection(new Results(List.of(), Map.of())).lines("run")).isEmpty();
  }
}
