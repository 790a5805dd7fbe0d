package io.messageboard.bench.report;

import io.messageboard.bench.report.Measurement.ProcessUsage;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import org.HdrHistogram.Histogram;

/**
 * One measured open-loop load: where it went, at what share of the closed loop's peak and rate, the
 * latency of every response from when its request was due (an HdrHistogram, microseconds), what
 * went wrong, and what each process used meanwhile.
 */
public record OpenLoopMeasurement(
    String target,
    String scenario,
    String program,
    int percentOfPeak,
    long ratePerSecond,
    double achievedPerSecond,
    long responses,
    long late,
    long unsent,
    long non2xx,
    long errors,
    List<ProcessUsage> processes,
    Histogram latencyUs) {

  public boolean clean() {
    return non2xx + errors == 0;
  }

  /**
   * The latency at PERCENTILE (0 to 100), in milliseconds; as HdrHistogram gives it, the top of the
   * bucket holding it (at most 0.1 % above the value recorded).
   */
  public double percentileMs(double percentile) {
    return latencyUs.getValueAtPercentile(percentile) / 1000.0;
  }

  public double maxMs() {
    return latencyUs.getMaxValue() / 1000.0;
  }

  /**
   * The {@code openloop} line of the results file, the inverse of {@link #parse(String[])}. The
   * percentiles in it are for whoever reads the file; the histogram at its end is what is read
   * back.
   */
  public String toLine() {
    return String.join(
        "\t",
        "openloop",
        target,
        scenario,
        program,
        Integer.toString(percentOfPeak),
        Long.toString(ratePerSecond),
        String.format(Locale.ROOT, "%.1f", achievedPerSecond),
        String.format(Locale.ROOT, "%.3f", percentileMs(50)),
        String.format(Locale.ROOT, "%.3f", percentileMs(99)),
        String.format(Locale.ROOT, "%.3f", percentileMs(99.9)),
        String.format(Locale.ROOT, "%.3f", maxMs()),
        Long.toString(responses),
        Long.toString(late),
        Long.toString(unsent),
        Long.toString(non2xx),
        Long.toString(errors),
        ProcessUsage.toField(processes),
        encode(latencyUs));
  }

  /**
   * Parses an {@code openloop} line: tab-separated target, scenario, program, percent of peak,
   * rate, achieved rate, p50, p99, p99.9, max, responses, late, unsent, non2xx, errors, {@code
   * name:cpu:rss} per process, then the latency histogram (compressed, Base64).
   */
  static OpenLoopMeasurement parse(String[] fields) {
    return new OpenLoopMeasurement(
        fields[1],
        fields[2],
        fields[3],
        Integer.parseInt(fields[4]),
        Long.parseLong(fields[5]),
        Double.parseDouble(fields[6]),
        Long.parseLong(fields[11]),
        Long.parseLong(fields[12]),
        Long.parseLong(fields[13]),
        Long.parseLong(fields[14]),
        Long.parseLong(fields[15]),
        ProcessUsage.parseField(fields[16]),
        decode(fields[17]));
  }

  static String encode(Histogram histogram) {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(buffer, Deflater.BEST_COMPRESSION);
    return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
  }

  static Histogram decode(String text) {
    try {
      return Histogram.decodeFromCompressedByteBuffer(
          ByteBuffer.wrap(Base64.getDecoder().decode(text)), 0);
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("unreadable latency histogram: " + text, e);
    }
  }
}
