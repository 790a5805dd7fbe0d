package io.messageboard.bench.report;

import io.messageboard.bench.cluster.ClusterFacts;
import io.messageboard.bench.plan.Route;
import io.messageboard.bench.plan.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes the Markdown report of one run and its PNG charts from the results file it recorded. The
 * harness calls {@link #write}; {@code java -cp harness.jar
 * io.messageboard.bench.report.ReportWriter RESULTS.tsv REPORT.md [FRAGMENT.md ...]} renders a
 * recorded run again. The fragments (profiles, notes) are appended as they are.
 */
public final class ReportWriter {

  private static final String DIRECT = Route.DIRECT.id();
  private static final String NGINX = Route.NGINX.id();

  private final Results results;
  private final List<String> lines = new ArrayList<>();

  private ReportWriter(Results results) {
    this.results = results;
  }

  public static void main(String[] args) throws IOException {
    List<Path> fragments = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      fragments.add(Path.of(args[i]));
    }
    write(Results.read(Path.of(args[0])), Path.of(args[1]), fragments);
  }

  /** Writes REPORT.md and its charts ({stem}-*.png) beside it. */
  public static void write(Results results, Path report, List<Path> fragments) throws IOException {
    System.setProperty("java.awt.headless", "true");
    String stem = report.getFileName().toString().replaceFirst("\\.md$", "");
    ReportWriter writer = new ReportWriter(results);
    writer.charts(report.toAbsolutePath().getParent(), stem);
    writer.write(stem);
    for (Path fragment : fragments) {
      writer.lines.add("");
      writer.lines.addAll(Files.readAllLines(fragment));
    }
    Files.write(report, writer.lines);
  }

  private void charts(Path folder, String stem) throws IOException {
    new OpenLoopSection(results).charts(folder, stem);
    Charts charts = new Charts(results);
    charts.throughput(
        DIRECT,
        "Requests per second, one replica, beside the HTTP references",
        folder.resolve(stem + "-throughput.png"));
    charts.latency(
        DIRECT,
        Scenario.GET_BY_ID.id(),
        "GET by id: latency percentiles",
        folder.resolve(stem + "-latency-get.png"));
    charts.latency(
        DIRECT,
        Scenario.POST.id(),
        "POST: latency percentiles",
        folder.resolve(stem + "-latency-post.png"));
    if (!results.distinct(Measurement::scenario, NGINX).isEmpty()) {
      charts.throughput(
          NGINX,
          "Requests per second through nginx, 4 replicas",
          folder.resolve(stem + "-nginx.png"));
    }
  }

  private void write(String stem) {
    lines.add("# Benchmark run " + results.fact("started").orElse(stem));
    lines.add("");
    lines.add("## Machine and settings");
    lines.add("");
    lines.add("| | |");
    lines.add("| --- | --- |");
    results.facts().entrySet().stream()
        .filter(fact -> !ClusterFacts.holdsCounters(fact.getKey()))
        .forEach(fact -> lines.add("| " + fact.getKey() + " | " + fact.getValue() + " |"));
    lines.add("");
    targets();
    lines.add("## Charts");
    lines.add("");
    lines.add("![throughput](" + stem + "-throughput.png)");
    lines.add("![GET latency](" + stem + "-latency-get.png)");
    lines.add("![POST latency](" + stem + "-latency-post.png)");
    if (!results.distinct(Measurement::scenario, NGINX).isEmpty()) {
      lines.add("![through nginx](" + stem + "-nginx.png)");
    }
    lines.add("");
    table(DIRECT, "One replica, direct");
    table(NGINX, "Through nginx, 4 replicas (the local stack)");
    lines.addAll(new ClusterCostSection(results).lines());
    lines.addAll(new OpenLoopSection(results).lines(stem));
  }

  private void targets() {
    lines.add("## Targets (ratios within this run)");
    lines.add("");
    lines.add("| target | figure | goal | met |");
    lines.add("| --- | --- | --- | --- |");
    for (Target target : Targets.ALL) {
      target.evaluate(results).ifPresent(outcome -> lines.add(row(outcome)));
    }
    lines.add("");
  }

  static String row(Target.Outcome outcome) {
    Target target = outcome.target();
    String format =
        switch (target.bound()) {
          case AT_LEAST -> "%.2f×";
          case AT_MOST -> "%.0f";
        };
    String sign =
        switch (target.bound()) {
          case AT_LEAST -> "≥";
          case AT_MOST -> "≤";
        };
    return String.format(
        Locale.ROOT,
        "| %s | " + format + " | %s " + format + " | %s |",
        target.label(),
        outcome.figure(),
        sign,
        target.goal(),
        outcome.met() ? "yes" : "**no**");
  }

  private void table(String target, String title) {
    List<String> scenarios = results.distinct(Measurement::scenario, target);
    if (scenarios.isEmpty()) {
      return;
    }
    lines.add("## " + title);
    lines.add("");
    lines.add(
        "| scenario | program | req/s, mean (each round) | p50 ms | p90 ms | p99 ms | max ms"
            + " | non-2xx | CPU % and RSS MiB per process |");
    lines.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (String scenario : scenarios) {
      for (String program : results.distinct(Measurement::program, target)) {
        List<Measurement> runs = results.of(target, scenario, program);
        if (!runs.isEmpty()) {
          lines.add(tableRow(scenario, program, runs));
        }
      }
    }
    lines.add("");
  }

  private static String tableRow(String scenario, String program, List<Measurement> runs) {
    String each =
        runs.stream()
            .map(m -> String.format(Locale.ROOT, "%.0f", m.rps()))
            .collect(Collectors.joining(", "));
    String usage =
        runs.get(runs.size() - 1).processes().stream()
            .map(
                p ->
                    String.format(
                        Locale.ROOT, "%s %.0f %% %.0f MiB", p.name(), p.cpuPercent(), p.rssMib()))
            .collect(Collectors.joining("; "));
    return String.format(
        Locale.ROOT,
        "| %s | %s | %.0f (%s) | %.2f | %.2f | %.2f | %.1f | %d | %s |",
        scenario,
        program,
        Charts.mean(runs, Measurement::rps),
        each,
        Charts.mean(runs, Measurement::p50),
        Charts.mean(runs, Measurement::p90),
        Charts.mean(runs, Measurement::p99),
        runs.stream().mapToDouble(Measurement::max).max().orElse(0),
        runs.stream().mapToLong(m -> m.non2xx() + m.errors()).sum(),
        usage);
  }
}
