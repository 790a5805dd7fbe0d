package io.messageboard.bench.report;

import io.messageboard.bench.openloop.OpenLoop;
import io.messageboard.bench.plan.FixedRate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The report's open-loop section: per rate, a table of latencies counted from when each request was
 * due, beside the closed loop's figures for the same scenario and route; and a
 * latency-by-percentile chart per scenario.
 */
final class OpenLoopSection {

  private final Results results;

  OpenLoopSection(Results results) {
    this.results = results;
  }

  /** {stem}-open-loop-{scenario}.png beside the report, for each scenario the run loaded. */
  void charts(Path folder, String stem) throws IOException {
    for (String scenario : scenarios()) {
      PercentileChart.draw(
          results,
          scenario,
          scenario + ", open loop: latency by percentile, from when each request was due",
          folder.resolve(chart(stem, scenario)));
    }
  }

  /** The section's lines; none for a run without open-loop measurements. */
  List<String> lines(String stem) {
    if (results.openLoop().isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add("## Open loop: latency at a fixed rate");
    lines.add("");
    lines.add(
        "Requests sent on a schedule at a share of the closed loop's mean req/s for the same"
            + " scenario and route; each latency is counted from when the request was due, so a"
            + " stall counts for every request due during it. Late: sent more than "
            + OpenLoop.LATE_NANOS / 1_000_000
            + " ms after it was due (every connection busy, or the generator not on a core); not"
            + " sent: still waiting a second after the schedule's end, counted with the time it"
            + " had waited.");
    lines.add("");
    for (int percent : FixedRate.PERCENTS) {
      List<OpenLoopMeasurement> rows =
          results.openLoop().stream().filter(m -> m.percentOfPeak() == percent).toList();
      if (rows.isEmpty()) {
        continue;
      }
      lines.add("### " + percent + " % of the closed-loop peak");
      lines.add("");
      lines.add(
          "| route | scenario | req/s due (achieved) | p50 ms | p99 ms | p99.9 ms | max ms"
              + " | late (not sent) | non-2xx and errors | closed loop: req/s, p50 / p99 / max ms"
              + " | CPU % per process |");
      lines.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
      rows.forEach(m -> lines.add(row(m)));
      lines.add("");
    }
    for (String scenario : scenarios()) {
      lines.add("![" + scenario + ", open loop](" + chart(stem, scenario) + ")");
    }
    lines.add("");
    return lines;
  }

  String row(OpenLoopMeasurement m) {
    List<Measurement> closed = results.of(m.target(), m.scenario(), m.program());
    String closedLoop =
        closed.isEmpty()
            ? "not measured"
            : String.format(
                Locale.ROOT,
                "%.0f, %.2f / %.2f / %.1f",
                Charts.mean(closed, Measurement::rps),
                Charts.mean(closed, Measurement::p50),
                Charts.mean(closed, Measurement::p99),
                closed.stream().mapToDouble(Measurement::max).max().orElse(0));
    String usage =
        m.processes().stream()
            .map(p -> String.format(Locale.ROOT, "%s %.0f", p.name(), p.cpuPercent()))
            .collect(Collectors.joining("; "));
    return String.format(
        Locale.ROOT,
        "| %s | %s | %d (%.0f) | %.2f | %.2f | %.2f | %.1f | %d (%d) | %d | %s | %s |",
        m.target(),
        m.scenario(),
        m.ratePerSecond(),
        m.achievedPerSecond(),
        m.percentileMs(50),
        m.percentileMs(99),
        m.percentileMs(99.9),
        m.maxMs(),
        m.late(),
        m.unsent(),
        m.non2xx() + m.errors(),
        closedLoop,
        usage);
  }

  private List<String> scenarios() {
    return results.openLoop().stream().map(OpenLoopMeasurement::scenario).distinct().toList();
  }

  private static String chart(String stem, String scenario) {
    return stem + "-open-loop-" + scenario + ".png";
  }
}
