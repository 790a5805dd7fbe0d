package io.messageboard.bench.jvm;

import java.util.Arrays;
import java.util.List;

/** Reads the output of {@code jstat -gc PID INTERVAL}: the largest heap in use it sampled. */
public final class JstatGc {

  private static final List<String> USED = List.of("S0U", "S1U", "EU", "OU");

  private JstatGc() {}

  /** The samples in the output so far: the complete lines that are not a header. */
  public static long samples(String output) {
    int end = output.lastIndexOf('\n');
    return end < 0
        ? 0
        : output
            .substring(0, end)
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("S0C"))
            .count();
  }

  /** The largest S0U + S1U + EU + OU (survivors, eden, old; KiB) of any sample, in MiB. */
  public static double peakHeapUsedMib(String output) {
    int[] columns = null;
    double peakKib = 0;
    for (String line : output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
      String[] fields = line.split("\\s+");
      if (fields[0].equals("S0C")) {
        List<String> header = Arrays.asList(fields);
        columns = USED.stream().mapToInt(header::indexOf).toArray();
        continue;
      }
      if (columns == null) {
        throw new IllegalArgumentException("no jstat -gc header before: " + line);
      }
      double used = 0;
      for (int column : columns) {
        used += Double.parseDouble(fields[column]);
      }
      peakKib = Math.max(peakKib, used);
    }
    return peakKib / 1024;
  }
}
