package io.messageboard.bench.proc;

import java.util.Locale;

/**
 * Reads what the report says about the machine from /proc/cpuinfo, /proc/meminfo, /proc/loadavg.
 */
public final class MachineInfo {

  private MachineInfo() {}

  /** The first "model name" of /proc/cpuinfo, or "unknown" (some architectures name none). */
  public static String cpuModel(String cpuinfo) {
    return cpuinfo
        .lines()
        .filter(line -> line.startsWith("model name"))
        .map(line -> line.substring(line.indexOf(':') + 1).strip())
        .findFirst()
        .orElse("unknown");
  }

  /** MemTotal as "15.6 GiB". */
  public static String memory(String meminfo) {
    long kib =
        KibField.of(meminfo, "MemTotal")
            .orElseThrow(() -> new IllegalArgumentException("no MemTotal in /proc/meminfo"));
    return String.format(Locale.ROOT, "%.1f GiB", kib / 1_048_576.0);
  }

  /** The 1, 5 and 15 minute load averages, as /proc/loadavg writes them. */
  public static String loadAverage(String loadavg) {
    String[] fields = loadavg.strip().split("\\s+");
    return String.join(" ", fields[0], fields[1], fields[2]);
  }
}
