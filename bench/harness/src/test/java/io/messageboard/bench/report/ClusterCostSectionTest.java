package io.messageboard.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.messageboard.bench.cluster.ClusterFacts;
import io.messageboard.bench.cluster.GaleraCounters;
import io.messageboard.bench.report.Measurement.ProcessUsage;
import java.util.LinkedHashMap;
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
  void summarisesGaleraCountersPerComparison() {
    // 10 s measured: 20,000 requests at 2,000/s. The writer replicated 10,000 write sets of 500
    // bytes; another node was paused by flow control for 1 s and asked for it twice.
    Measurement cluster =
        new Measurement(
            "replica", "post", "messageboard", 1, 2000, 1, 1, 1, 1, 0, 0, 20_000, List.of());
    Map<String, GaleraCounters> perNode = new LinkedHashMap<>();
    perNode.put("db-1", new GaleraCounters(500_000_000L, 0, 0, 10_000, 5_000_000, 0));
    perNode.put("db-2", new GaleraCounters(1_000_000_000L, 2, 0, 0, 0, 10_000));
    Results results =
        new Results(
            List.of(cluster, measured("single-node-replica", "post", 1, 4000)),
            Map.of(ClusterFacts.key("replica", "post", 1), ClusterFacts.value(perNode)));

    List<String> lines = new ClusterCostSection(results).lines();

    assertThat(lines).contains("| post | one replica | 10.0 % | 2 | 0 | 0.50 | 500 |");
  }

  @Test
  void writesNothingForARunWithoutTheSingleNodeStack() {
    Results results = new Results(List.of(measured("nginx", "post", 1, 900)), Map.of());

    assertThat(new ClusterCostSection(results).lines()).isEmpty();
  }
}
