package io.messageboard.bench.load;

import java.util.Locale;

/**
 * What one GET /data from a replica with a 64 MiB heap measured: its status, the rows it streamed
 * against the rows the board held, its time and size, the largest heap in use, and whether the
 * replica was alive after it.
 */
public record ExportFigures(
    int status,
    long expectedRows,
    ExportBody body,
    double seconds,
    double peakHeapMib,
    boolean aliveAfter) {

  /** The replica's heap during an export: {@code -Xms64m -Xmx64m}. */
  public static final int HEAP_MIB = 64;

  /** Every row, in a closed array, answered 200, from a replica alive after it within its heap. */
  public boolean finishedWithHeapBounded() {
    return status == 200
        && body.closed()
        && body.rows() == expectedRows
        && aliveAfter
        && peakHeapMib <= HEAP_MIB;
  }

  public double rowsPerSecond() {
    return body.rows() / seconds;
  }

  /** One line for the report, as the full run has always given its export. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "status %d, %d rows, %.3f s, %d MiB body, peak heap used %.1f MiB of %d, alive after: %s",
        status,
        body.rows(),
        seconds,
        body.bytes() / 1_048_576,
        peakHeapMib,
        HEAP_MIB,
        aliveAfter ? "yes" : "no");
  }

  /** Space-separated fields for the results file, the inverse of {@link #fromFact}. */
  public String toFact() {
    return String.format(
        Locale.ROOT,
        "%d %d %d %d %b %.3f %.1f %b",
        status,
        expectedRows,
        body.rows(),
        body.bytes(),
        body.closed(),
        seconds,
        peakHeapMib,
        aliveAfter);
  }

  public static ExportFigures fromFact(String value) {
    String[] fields = value.strip().split(" ");
    if (fields.length != 8) {
      throw new IllegalArgumentException("not an export's figures: " + value);
    }
    return new ExportFigures(
        Integer.parseInt(fields[0]),
        Long.parseLong(fields[1]),
        new ExportBody(
            Long.parseLong(fields[2]), Long.parseLong(fields[3]), Boolean.parseBoolean(fields[4])),
        Double.parseDouble(fields[5]),
        Double.parseDouble(fields[6]),
        Boolean.parseBoolean(fields[7]));
  }
}
