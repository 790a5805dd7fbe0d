package io.messageboard.bench.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One measured wrk (or raw JDBC) run: where it went, what it did, what it got, and what each
 * process of the program under test used meanwhile.
 */
public record Measurement(
    String target,
    String scenario,
    String program,
    int round,
    double rps,
    double p50,
    double p90,
    double p99,
    double max,
    long non2xx,
    long errors,
    long requests,
    List<ProcessUsage> processes) {

  /** CPU (percent of one core, averaged over the measurement) and resident memory of a process. */
  public record ProcessUsage(String name, double cpuPercent, double rssMib) {

    /** The results file's field: {@code name:cpu:rss} per process, comma-separated. */
    static String toField(List<ProcessUsage> usage) {
      return usage.stream()
          .map(
              p -> String.format(Locale.ROOT, "%s:%.1f:%.1f", p.name(), p.cpuPercent(), p.rssMib()))
          .collect(Collectors.joining(","));
    }

    /** The inverse of {@link #toField(List)}; a blank field is no process. */
    static List<ProcessUsage> parseField(String field) {
      return field.isBlank()
          ? List.of()
          : Arrays.stream(field.split(","))
              .map(p -> p.split(":"))
              .map(p -> new ProcessUsage(p[0], Double.parseDouble(p[1]), Double.parseDouble(p[2])))
              .toList();
    }
  }

  /** Whether every request got a 2xx answer over a connection that held. */
  public boolean clean() {
    return non2xx + errors == 0;
  }

  /** The {@code load} line of the results file, the inverse of {@link #parse(String[])}. */
  public String toLine() {
    return String.join(
        "\t",
        "load",
        target,
        scenario,
        program,
        Integer.toString(round),
        String.format(Locale.ROOT, "%.1f", rps),
        String.format(Locale.ROOT, "%.3f", p50),
        String.format(Locale.ROOT, "%.3f", p90),
        String.format(Locale.ROOT, "%.3f", p99),
        String.format(Locale.ROOT, "%.3f", max),
        Long.toString(non2xx),
        Long.toString(errors),
        Long.toString(requests),
        ProcessUsage.toField(processes));
  }

  /**
   * Parses a {@code load} line of the results file: tab-separated target, scenario, program, round,
   * rps, p50, p90, p99, max, non2xx, errors, requests, then {@code name:cpu:rss} per process.
   */
  static Measurement parse(String[] fields) {
    return new Measurement(
        fields[1],
        fields[2],
        fields[3],
        Integer.parseInt(fields[4]),
        Double.parseDouble(fields[5]),
        Double.parseDouble(fields[6]),
        Double.parseDouble(fields[7]),
        Double.parseDouble(fields[8]),
        Double.parseDouble(fields[9]),
        Long.parseLong(fields[10]),
        Long.parseLong(fields[11]),
        Long.parseLong(fields[12]),
        ProcessUsage.parseField(fields.length > 13 ? fields[13] : ""));
  }
}
