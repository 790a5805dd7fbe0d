package io.messageboard.bench.report;

import static io.messageboard.bench.plan.Program.MESSAGEBOARD;

import io.messageboard.bench.load.ExportFigures;
import io.messageboard.bench.plan.ScaleScenario;
import io.messageboard.bench.scale.BufferPoolCounters;
import io.messageboard.bench.scale.DiskUse;
import io.messageboard.bench.scale.ScaleFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes the scale run's Markdown report from its results file: the targets, what each board takes
 * on disk, each scenario over the large board against the same over the baseline board with the
 * buffer pool's hit ratio, and the exports. {@code java -cp harness.jar
 * io.messageboard.bench.report.ScaleReport RESULTS.tsv REPORT.md} renders a recorded run again.
 */
public final class ScaleReport {

  private static final double MIB = 1_048_576.0;

  private final Results results;
  private final long baseline;
  private final long messages;
  private final List<String> lines = new ArrayList<>();

  private ScaleReport(Results results) {
    this.results = results;
    this.baseline = Long.parseLong(required(ScaleFacts.BASELINE));
    this.messages = Long.parseLong(required(ScaleFacts.MESSAGES));
  }

  public static void main(String[] args) throws IOException {
    write(Results.read(Path.of(args[0])), Path.of(args[1]));
  }

  public static void write(Results results, Path report) throws IOException {
    ScaleReport writer = new ScaleReport(results);
    writer.write();
    Files.write(report, writer.lines);
  }

  private void write() {
    lines.add("# Scale run " + results.fact("started").orElse(""));
    lines.add("");
    lines.add("## Machine and settings");
    lines.add("");
    lines.add("| | |");
    lines.add("| --- | --- |");
    results.facts().entrySet().stream()
        .filter(fact -> !fact.getKey().startsWith(ScaleFacts.PREFIX))
        .forEach(fact -> lines.add("| " + fact.getKey() + " | " + fact.getValue() + " |"));
    lines.add("");
    targets();
    boards();
    scenarios();
    exports();
  }

  private void targets() {
    lines.add("## Targets (ratios within this run)");
    lines.add("");
    lines.add("| target | figure | goal | met |");
    lines.add("| --- | --- | --- | --- |");
    ScaleTargets.reads(baseline, messages).stream()
        .map(t -> t.evaluate(results))
        .flatMap(Optional::stream)
        .forEach(outcome -> lines.add(ReportWriter.row(outcome)));
    Optional<ExportFigures> export = export(messages);
    lines.add(
        String.format(
            Locale.ROOT,
            "| GET /data of all %,d messages, -Xmx64m: finished with the heap bounded | %s |"
                + " every row, 200, alive after, heap used ≤ %d MiB | %s |",
            messages,
            export.map(ScaleReport::verdict).orElse("not measured"),
            ExportFigures.HEAP_MIB,
            export.filter(ExportFigures::finishedWithHeapBounded).isPresent() ? "yes" : "**no**"));
    ScaleTargets.CLEAN.evaluate(results).ifPresent(o -> lines.add(ReportWriter.row(o)));
    lines.add("");
  }

  private static String verdict(ExportFigures e) {
    return String.format(
        Locale.ROOT,
        "%,d of %,d rows in %.1f s, status %d, peak heap used %.1f MiB, alive after: %s",
        e.body().rows(),
        e.expectedRows(),
        e.seconds(),
        e.status(),
        e.peakHeapMib(),
        e.aliveAfter() ? "yes" : "no");
  }

  private void boards() {
    lines.add("## The boards: bulk load and disk");
    lines.add("");
    lines.add(String.format(Locale.ROOT, "| | %,d messages | %,d messages |", baseline, messages));
    lines.add("| --- | --- | --- |");
    lines.add(
        "| bulk load (s) | "
            + results.fact(ScaleFacts.loadSeconds(baseline)).orElse("")
            + " | "
            + results.fact(ScaleFacts.loadSeconds(messages)).orElse("")
            + " |");
    diskRow("messages table, data + index (information_schema), MiB", DiskUse::tableBytes);
    diskRow("messages.ibd on disk, MiB", DiskUse::fileBytes);
    diskRow("data directory growth during the load, MiB", DiskUse::dataDirectoryGrowth);
    lines.add("");
  }

  // The baseline's 10,000 rows are below InnoDB's allocation steps (pages, extents, the undo
  // log's growth): a per-million figure of theirs would say nothing.
  private void diskRow(String label, Function<DiskUse, Long> bytes) {
    Optional<DiskUse> large = disk(messages);
    lines.add("| " + label + " | " + mib(disk(baseline), bytes) + " | " + mib(large, bytes) + " |");
    lines.add("| … per million messages, MiB | | " + perMillion(large, bytes) + " |");
  }

  private static String mib(Optional<DiskUse> disk, Function<DiskUse, Long> bytes) {
    return disk.map(d -> String.format(Locale.ROOT, "%.1f", bytes.apply(d) / MIB)).orElse("");
  }

  private static String perMillion(Optional<DiskUse> disk, Function<DiskUse, Long> bytes) {
    return disk.map(d -> String.format(Locale.ROOT, "%.1f", d.perMillion(bytes.apply(d)) / MIB))
        .orElse("");
  }

  private void scenarios() {
    lines.add("## One replica over each board, direct");
    lines.add("");
    lines.add(
        String.format(
            Locale.ROOT,
            "| scenario | req/s at %1$,d (each round) | req/s at %2$,d (each round) | %2$,d / %1$,d"
                + " | p99 ms at %1$,d | p99 ms at %2$,d | buffer pool hit ratio at %1$,d (each"
                + " round) | buffer pool hit ratio at %2$,d (each round) | pages read from disk"
                + " a request at %2$,d | MariaDB CPU %% at %1$,d / %2$,d |",
            baseline,
            messages));
    lines.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (ScaleScenario scenario : ScaleScenario.values()) {
      List<Measurement> small = measured(baseline, scenario);
      List<Measurement> large = measured(messages, scenario);
      if (small.isEmpty() && large.isEmpty()) {
        continue;
      }
      OptionalDouble ratio = ScaleTargets.ratio(results, scenario, baseline, messages);
      lines.add(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %.2f | %.2f | %s | %s | %s | %s / %s |",
              scenario.id(),
              rps(small),
              rps(large),
              ratio.isPresent() ? String.format(Locale.ROOT, "%.2f×", ratio.getAsDouble()) : "",
              Charts.mean(small, Measurement::p99),
              Charts.mean(large, Measurement::p99),
              hitRatios(poolCounters(baseline, scenario, small)),
              hitRatios(poolCounters(messages, scenario, large)),
              diskReadsPerRequest(poolCounters(messages, scenario, large), large),
              mariadbCpu(small),
              mariadbCpu(large)));
    }
    lines.add("");
  }

  private List<Measurement> measured(long board, ScaleScenario scenario) {
    return results.of(ScaleFacts.target(board), scenario.id(), MESSAGEBOARD.id());
  }

  private static String rps(List<Measurement> runs) {
    return String.format(
        Locale.ROOT,
        "%.0f (%s)",
        Charts.mean(runs, Measurement::rps),
        runs.stream()
            .map(m -> String.format(Locale.ROOT, "%.0f", m.rps()))
            .collect(Collectors.joining(", ")));
  }

  /** What the buffer pool's counters moved by in each round of a board's scenario. */
  private List<BufferPoolCounters> poolCounters(
      long board, ScaleScenario scenario, List<Measurement> runs) {
    return runs.stream()
        .map(m -> ScaleFacts.bufferPool(ScaleFacts.target(board), scenario.id(), m.round()))
        .map(results::fact)
        .flatMap(Optional::stream)
        .map(BufferPoolCounters::fromFact)
        .toList();
  }

  /** All rounds together (each round): the pool's hits over its read requests. */
  private static String hitRatios(List<BufferPoolCounters> rounds) {
    if (rounds.isEmpty()) {
      return "";
    }
    return percent(BufferPoolCounters.sum(rounds).hitRatio())
        + " ("
        + rounds.stream().map(c -> percent(c.hitRatio())).collect(Collectors.joining(", "))
        + ")";
  }

  private static String diskReadsPerRequest(
      List<BufferPoolCounters> rounds, List<Measurement> runs) {
    long requests = runs.stream().mapToLong(Measurement::requests).sum();
    return rounds.isEmpty() || requests == 0
        ? ""
        : format("%.2f", (double) BufferPoolCounters.sum(rounds).diskReads() / requests);
  }

  private static String percent(OptionalDouble ratio) {
    return ratio.isPresent()
        ? String.format(Locale.ROOT, "%.2f %%", 100 * ratio.getAsDouble())
        : "no reads";
  }

  private static String mariadbCpu(List<Measurement> runs) {
    return String.format(
        Locale.ROOT,
        "%.0f",
        runs.stream()
            .flatMap(m -> m.processes().stream())
            .filter(p -> p.name().equals("mariadb"))
            .mapToDouble(Measurement.ProcessUsage::cpuPercent)
            .average()
            .orElse(0));
  }

  private void exports() {
    Optional<ExportFigures> small = export(baseline);
    Optional<ExportFigures> large = export(messages);
    lines.add(
        "## GET /data with a 64 MiB heap, every message, before any post (each after as long a"
            + " warm-up of unmeasured exports as the scenarios' JIT warm-up)");
    lines.add("");
    lines.add(
        String.format(
            Locale.ROOT,
            "| | %1$,d messages | %2$,d messages | %2$,d / %1$,d |",
            baseline,
            messages));
    lines.add("| --- | --- | --- | --- |");
    exportRow("status", small, large, e -> Integer.toString(e.status()), "");
    exportRow("rows", small, large, e -> Long.toString(e.body().rows()), "");
    exportRow("time (s)", small, large, e -> format("%.2f", e.seconds()), "");
    exportRow(
        "rows/s",
        small,
        large,
        e -> format("%.0f", e.rowsPerSecond()),
        small.isPresent() && large.isPresent()
            ? format("%.2f×", large.get().rowsPerSecond() / small.get().rowsPerSecond())
            : "");
    exportRow("body (MiB)", small, large, e -> format("%.1f", e.body().bytes() / MIB), "");
    exportRow(
        "peak heap used (MiB of " + ExportFigures.HEAP_MIB + ")",
        small,
        large,
        e -> format("%.1f", e.peakHeapMib()),
        "");
    exportRow("alive after", small, large, e -> e.aliveAfter() ? "yes" : "no", "");
    lines.add("");
  }

  private void exportRow(
      String label,
      Optional<ExportFigures> small,
      Optional<ExportFigures> large,
      Function<ExportFigures, String> cell,
      String ratio) {
    lines.add(
        "| "
            + label
            + " | "
            + small.map(cell).orElse("")
            + " | "
            + large.map(cell).orElse("")
            + " | "
            + ratio
            + " |");
  }

  private Optional<ExportFigures> export(long board) {
    return results.fact(ScaleFacts.export(board)).map(ExportFigures::fromFact);
  }

  private Optional<DiskUse> disk(long board) {
    return results.fact(ScaleFacts.disk(board)).map(DiskUse::fromFact);
  }

  private String required(String fact) {
    return results
        .fact(fact)
        .orElseThrow(() -> new IllegalArgumentException("not a scale run: no fact " + fact));
  }

  private static String format(String format, double value) {
    return String.format(Locale.ROOT, format, value);
  }
}
