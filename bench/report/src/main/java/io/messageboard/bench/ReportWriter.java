package io.messageboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Writes the Markdown report of one bench/run and its PNG charts from the results file it recorded.
 * Usage: {@code ReportWriter RESULTS.tsv REPORT.md [FRAGMENT.md ...]}; the fragments (profiles,
 * notes) are appended as they are.
 */
public final class ReportWriter {

  static final String DIRECT = "direct";
  static final String NGINX = "nginx";
  static final String PRODUCT = "messageboard";
  static final String START_EXTERNAL = "start to ready, external MariaDB (ms)";
  static final String START_ARCHIVED =
      "start to ready, external MariaDB, with a class-data archive (ms)";
  private static final String THIN = "thin-baseline";
  private static final String SPRING = "spring-peer";
  private static final String RAW = "raw-jdbc";

  private final Results results;
  private final List<String> lines = new ArrayList<>();

  private ReportWriter(Results results) {
    this.results = results;
  }

  public static void main(String[] args) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Path report = Path.of(args[1]);
    String stem = report.getFileName().toString().replaceFirst("\\.md$", "");
    ReportWriter writer = new ReportWriter(Results.read(Path.of(args[0])));
    writer.charts(report.toAbsolutePath().getParent(), stem);
    writer.write(stem);
    for (int i = 2; i < args.length; i++) {
      writer.lines.add("");
      writer.lines.addAll(Files.readAllLines(Path.of(args[i])));
    }
    Files.write(report, writer.lines);
  }

  private void charts(Path folder, String stem) throws IOException {
    Charts charts = new Charts(results);
    charts.throughput(
        DIRECT,
        "Requests per second, one replica, beside the HTTP references",
        folder.resolve(stem + "-throughput.png"));
    charts.latency(
        DIRECT,
        "get-by-id",
        "GET by id: latency percentiles",
        folder.resolve(stem + "-latency-get.png"));
    charts.latency(
        DIRECT, "post", "POST: latency percentiles", folder.resolve(stem + "-latency-post.png"));
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
    results.facts().forEach((key, value) -> lines.add("| " + key + " | " + value + " |"));
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
  }

  private void targets() {
    lines.add("## Targets (ratios within this run)");
    lines.add("");
    lines.add("| target | figure | goal | met |");
    lines.add("| --- | --- | --- | --- |");
    ratio("GET by id, direct: messageboard / thin baseline", "get-by-id", THIN, "get-by-id", 1.0);
    ratio(
        "GET by id, direct: messageboard / Spring Boot peer",
        "get-by-id",
        SPRING,
        "get-by-id",
        1.5);
    ratio(
        "GET by id, direct: messageboard / raw point select (stretch)",
        "get-by-id",
        RAW,
        "get-by-id",
        0.5);
    ratio("POST, direct: messageboard / raw insert", "post", RAW, "post", 0.5);
    ratio("POST, direct: messageboard / Spring Boot peer", "post", SPRING, "post", 1.5);
    OptionalDouble nginx = results.meanRps(NGINX, "get-by-id", PRODUCT);
    OptionalDouble direct = results.meanRps(DIRECT, "get-by-id", PRODUCT);
    if (nginx.isPresent() && direct.isPresent()) {
      row(
          "GET by id: through nginx (4 replicas) / direct (1 replica)",
          nginx.getAsDouble() / direct.getAsDouble(),
          0.8,
          true);
    }
    results
        .fact(START_EXTERNAL)
        .map(ReportWriter::median)
        .ifPresent(ms -> row("start to ready, external MariaDB (median, ms)", ms, 1000, false));
    results
        .fact(START_ARCHIVED)
        .map(ReportWriter::median)
        .ifPresent(
            ms ->
                row(
                    "start to ready, external MariaDB, class-data archive (median, ms)",
                    ms,
                    1000,
                    false));
    double rss =
        results.measurements().stream()
            .filter(m -> m.program().equals(PRODUCT) && m.target().equals(DIRECT))
            .flatMap(m -> m.processes().stream())
            .filter(p -> p.name().equals(PRODUCT))
            .mapToDouble(Measurement.ProcessUsage::rssMib)
            .max()
            .orElse(Double.NaN);
    row("RSS of the replica under load (MiB, largest seen)", rss, 160, false);
    row("non-2xx responses and socket errors, every scenario", results.totalNon2xx(), 0, false);
    lines.add("");
  }

  private void ratio(
      String label, String scenario, String reference, String refScenario, double goal) {
    OptionalDouble product = results.meanRps(DIRECT, scenario, PRODUCT);
    OptionalDouble other = results.meanRps(DIRECT, refScenario, reference);
    if (product.isPresent() && other.isPresent()) {
      row(label, product.getAsDouble() / other.getAsDouble(), goal, true);
    }
  }

  private void row(String label, double figure, double goal, boolean atLeast) {
    boolean met = atLeast ? figure >= goal : figure <= goal;
    String format = atLeast ? "%.2f×" : "%.0f";
    lines.add(
        String.format(
            Locale.ROOT,
            "| %s | " + format + " | %s " + format + " | %s |",
            label,
            figure,
            atLeast ? "≥" : "≤",
            goal,
            met ? "yes" : "**no**"));
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

  private static double median(String commaSeparated) {
    double[] values =
        java.util.Arrays.stream(commaSeparated.split(","))
            .map(String::trim)
            .mapToDouble(Double::parseDouble)
            .sorted()
            .toArray();
    return values[values.length / 2];
  }
}
