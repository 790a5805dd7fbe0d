package io.messageboard.bench.report;

import io.messageboard.bench.cluster.ClusterFacts;
import io.messageboard.bench.cluster.GaleraCounters;
import io.messageboard.bench.plan.Program;
import io.messageboard.bench.plan.Route;
import io.messageboard.bench.plan.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The report's section on what the Galera cluster costs: GET by id and POST on the local stack with
 * the cluster against the same stack with a single MariaDB server, through nginx and straight to
 * one replica, with the CPU each process spent per request.
 */
final class ClusterCostSection {

  /** One comparison: a scenario by a route into the clustered stack and into the single one. */
  record Comparison(Scenario scenario, Route cluster, Route singleNode, String route) {}

  static final List<Comparison> COMPARISONS =
      List.of(
          new Comparison(Scenario.GET_BY_ID, Route.NGINX, Route.SINGLE_NODE_NGINX, "through nginx"),
          new Comparison(
              Scenario.GET_BY_ID, Route.REPLICA, Route.SINGLE_NODE_REPLICA, "one replica"),
          new Comparison(Scenario.POST, Route.NGINX, Route.SINGLE_NODE_NGINX, "through nginx"),
          new Comparison(Scenario.POST, Route.REPLICA, Route.SINGLE_NODE_REPLICA, "one replica"));

  private static final String PRODUCT = Program.MESSAGEBOARD.id();

  private final Results results;

  ClusterCostSection(Results results) {
    this.results = results;
  }

  /** Cluster req/s over single-node req/s, each the mean of its rounds; empty if either is. */
  static OptionalDouble ratio(Results results, Comparison comparison) {
    return Targets.ratio(
        results.meanRps(comparison.cluster().id(), comparison.scenario().id(), PRODUCT),
        results.meanRps(comparison.singleNode().id(), comparison.scenario().id(), PRODUCT));
  }

  /** The section's lines; none for a run that did not measure the single-node stack. */
  List<String> lines() {
    if (COMPARISONS.stream().allMatch(c -> ratio(results, c).isEmpty())) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add("## The cluster's cost: 3-node Galera cluster against a single MariaDB server");
    lines.add("");
    lines.add(
        "The local stack twice in this run, first with the cluster (replicas → HAProxy → the"
            + " writer node, which replicates to two more), then with one server in its place;"
            + " \"one replica\" loads app-1 alone. CPU per request: each process's CPU time over"
            + " the measurement divided by the requests served, mean of the rounds, in µs.");
    lines.add("");
    lines.add(
        "| scenario | route | cluster req/s | single node req/s | cluster / single"
            + " | CPU µs per request, cluster | CPU µs per request, single node |");
    lines.add("| --- | --- | --- | --- | --- | --- | --- |");
    for (Comparison comparison : COMPARISONS) {
      OptionalDouble ratio = ratio(results, comparison);
      if (ratio.isEmpty()) {
        continue;
      }
      String scenario = comparison.scenario().id();
      List<Measurement> cluster = results.of(comparison.cluster().id(), scenario, PRODUCT);
      List<Measurement> single = results.of(comparison.singleNode().id(), scenario, PRODUCT);
      lines.add(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.0f | %.0f | %.2f× | %s | %s |",
              scenario,
              comparison.route(),
              Charts.mean(cluster, Measurement::rps),
              Charts.mean(single, Measurement::rps),
              ratio.getAsDouble(),
              cpuPerRequest(cluster),
              cpuPerRequest(single)));
    }
    lines.add("");
    lines.addAll(galeraLines());
    return lines;
  }

  /**
   * Galera's counters during the cluster's measurements: how long flow control held replication
   * paused, the flow-control messages the nodes sent, certification failures, and the write sets
   * the cluster replicated per request with their size; none for a run that did not record them.
   */
  private List<String> galeraLines() {
    List<String> rows = new ArrayList<>();
    for (Comparison comparison : COMPARISONS) {
      String scenario = comparison.scenario().id();
      List<Measurement> runs = results.of(comparison.cluster().id(), scenario, PRODUCT);
      List<GaleraFigures> figures = new ArrayList<>();
      for (Measurement run : runs) {
        ClusterFacts.read(
                results.facts(), ClusterFacts.key(comparison.cluster().id(), scenario, run.round()))
            .ifPresent(perNode -> figures.add(GaleraFigures.of(perNode, run)));
      }
      if (!figures.isEmpty()) {
        rows.add(galeraRow(comparison, figures));
      }
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        "Galera on the cluster during the same measurements (SHOW GLOBAL STATUS of each node"
            + " before and after, mean of the rounds): the share of the measured time flow"
            + " control held replication paused (the longest of any node), the flow-control"
            + " messages the nodes sent, local certification failures, and the write sets the"
            + " writer replicated per request, with their mean size.");
    lines.add("");
    lines.add(
        "| scenario | route | flow control paused | flow-control messages sent"
            + " | certification failures | write sets per request | bytes per write set |");
    lines.add("| --- | --- | --- | --- | --- | --- | --- |");
    lines.addAll(rows);
    lines.add("");
    return lines;
  }

  private static String galeraRow(Comparison comparison, List<GaleraFigures> figures) {
    return String.format(
        Locale.ROOT,
        "| %s | %s | %.1f %% | %.0f | %.0f | %.2f | %.0f |",
        comparison.scenario().id(),
        comparison.route(),
        mean(figures, GaleraFigures::pausedPercent),
        mean(figures, GaleraFigures::flowControlSent),
        mean(figures, GaleraFigures::certificationFailures),
        mean(figures, GaleraFigures::writeSetsPerRequest),
        mean(figures, GaleraFigures::bytesPerWriteSet));
  }

  private static double mean(
      List<GaleraFigures> figures, java.util.function.ToDoubleFunction<GaleraFigures> figure) {
    return figures.stream().mapToDouble(figure).average().orElse(0);
  }

  /** One measurement's Galera figures, from what each node's counters moved by. */
  record GaleraFigures(
      double pausedPercent,
      double flowControlSent,
      double certificationFailures,
      double writeSetsPerRequest,
      double bytesPerWriteSet) {

    static GaleraFigures of(Map<String, GaleraCounters> perNode, Measurement measured) {
      double seconds = measured.requests() / measured.rps();
      long paused =
          perNode.values().stream()
              .mapToLong(GaleraCounters::flowControlPausedNanos)
              .max()
              .orElse(0);
      long replicated = perNode.values().stream().mapToLong(GaleraCounters::replicated).sum();
      long bytes = perNode.values().stream().mapToLong(GaleraCounters::replicatedBytes).sum();
      return new GaleraFigures(
          100.0 * paused / 1e9 / seconds,
          perNode.values().stream().mapToLong(GaleraCounters::flowControlSent).sum(),
          perNode.values().stream().mapToLong(GaleraCounters::certificationFailures).sum(),
          (double) replicated / measured.requests(),
          replicated == 0 ? 0 : (double) bytes / replicated);
    }
  }

  /** "name µs; ...; total µs": processes that spent under 1 µs per request are left out. */
  static String cpuPerRequest(List<Measurement> runs) {
    Map<String, Double> perProcess = new LinkedHashMap<>();
    for (Measurement run : runs) {
      for (Measurement.ProcessUsage usage : run.processes()) {
        double micros = usage.cpuPercent() / 100 * 1_000_000 / run.rps() / runs.size();
        perProcess.merge(usage.name(), micros, Double::sum);
      }
    }
    double total = perProcess.values().stream().mapToDouble(Double::doubleValue).sum();
    String each =
        perProcess.entrySet().stream()
            .filter(e -> e.getValue() >= 1)
            .map(e -> String.format(Locale.ROOT, "%s %.0f", e.getKey(), e.getValue()))
            .collect(Collectors.joining("; "));
    return String.format(Locale.ROOT, "%s; total %.0f", each, total);
  }
}
