package io.messageboard.bench.report;

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
    return lines;
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
