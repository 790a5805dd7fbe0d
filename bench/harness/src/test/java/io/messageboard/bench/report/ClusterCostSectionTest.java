package io.messageboard.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.messageboard.bench.report.Measurement.ProcessUsage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterCostSectionTest {

  private static Measurement measured(
      String target, String scenario, int round, double rps, ProcessUsage... processes) {
    return new Measurement(
        target, scenario, "messageboard", round, rps, 1, 1, 1, 1, 0, 0, 1, List.of(processes));
  }

  @Test
  void comparesTheMeanOfTheClustersRoundsWithTheSingleNodes() {
    Results results =
        new Results(
            List.of(
                measured("nginx", "post", 1, 900),
                measured("nginx", "post", 2, 1100),
                measured("single-node-nginx", "post", 1, 2000),
                measured("single-node-nginx", "post", 2, 2000)),
            Map.of());

    assertThat(ClusterCostSection.ratio(results, ClusterCostSection.COMPARISONS.get(2)))
        .hasValueCloseTo(0.5, within(1e-9));
  }

  @Test
  void givesEachProcesssCpuPerRequestAveragedOverTheRounds() {
    List<Measurement> runs =
        List.of(
            // 50 % of a core over 5,000 req/s: 100 µs each; 0.2 % is 0.4 µs, left out.
            measured(
                "replica",
                "get-by-id",
                1,
                5000,
                new ProcessUsage("app-1", 50, 100),
                new ProcessUsage("db-1", 20, 300),
                new ProcessUsage("app-2", 0.2, 100)),
            measured(
                "replica",
                "get-by-id",
                2,
                4000,
                new ProcessUsage("app-1", 60, 100),
                new ProcessUsage("db-1", 20, 300),
                new ProcessUsage("app-2", 0.2, 100)));

    assertThat(ClusterCostSection.cpuPerRequest(runs)).isEqualTo("app-1 125; db-1 45; total 170");
  }

  @Test
  void writesARowPerComparisonBothStacksMeasured() {
    Results results =
        new Results(
            List.of(
                measured("replica", "get-by-id", 1, 3000, new ProcessUsage("app-1", 30, 100)),
                measured(
                    "single-node-replica",
                    "get-by-id",
                    1,
                    4000,
                    new ProcessUsage("app-1", 40, 100)),
                measured("nginx", "get-by-id", 1, 5000)),
            Map.of());

    List<String> lines = new ClusterCostSection(results).lines();

    assertThat(lines.stream().filter(line -> line.startsWith("| get-by-id")))
        .containsExactly(
            "| get-by-id | one replica | 3000 | 4000 | 0.75× | app-1 100; total 100"
                + " | app-1 100; total 100 |");
  }

  @Test
  void writesNothingForARunWithoutTheSingleNodeStack() {
    Results results = new Results(List.of(measured("nginx", "post", 1, 900)), Map.of());

    assertThat(new ClusterCostSection(results).lines()).isEmpty();
  }
}
