package io.messageboard.bench.scale;

/**
 * The names the scale run records its figures under in the results file: the harness writes them,
 * the report reads them. Facts named with {@link #PREFIX} hold figures for the report's tables
 * rather than a line of its settings.
 */
public final class ScaleFacts {

  public static final String PREFIX = "scale: ";

  /** The messages of the large board, loaded before any measurement. */
  public static final String MESSAGES = PREFIX + "messages";

  /** The messages of the baseline board, the full run's 10,000. */
  public static final String BASELINE = PREFIX + "baseline messages";

  private ScaleFacts() {}

  /** The target column of a measurement: one replica, straight, over a board of MESSAGES. */
  public static String target(long messages) {
    return "direct, " + messages + " messages";
  }

  /** Seconds the bulk load of a board took. */
  public static String loadSeconds(long messages) {
    return PREFIX + "load seconds, " + messages;
  }

  /** A board's {@link DiskUse}. */
  public static String disk(long messages) {
    return PREFIX + "disk, " + messages;
  }

  /** A board's {@link io.messageboard.bench.load.ExportFigures}. */
  public static String export(long messages) {
    return PREFIX + "export, " + messages;
  }

  /** The {@link BufferPoolCounters} one measurement moved. */
  public static String bufferPool(String target, String scenario, int round) {
    return PREFIX + "buffer pool, " + target + ", " + scenario + ", round " + round;
  }
}
