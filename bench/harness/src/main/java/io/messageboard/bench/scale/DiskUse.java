package io.messageboard.bench.scale;

import java.util.Locale;

/**
 * The disk a board's messages take: the messages table's data and index as InnoDB counts them
 * (information_schema, after ANALYZE TABLE), its file's blocks on disk, and what the whole data
 * directory grew by while they were loaded.
 */
public record DiskUse(long messages, long tableBytes, long fileBytes, long dataDirectoryGrowth) {

  /** The statement whose output {@link #tableBytes(String)} reads, for the current schema. */
  public static final String TABLE_QUERY =
      "SELECT data_length, index_length FROM information_schema.tables"
          + " WHERE table_schema = DATABASE() AND table_name = 'messages';\n";

  /** BYTES for each million messages of the board. */
  public double perMillion(long bytes) {
    return bytes / (messages / 1_000_000.0);
  }

  /** Data plus index length from the batch output of {@link #TABLE_QUERY}: "DATA\tINDEX". */
  public static long tableBytes(String output) {
    String[] fields = output.strip().split("\t");
    if (fields.length != 2) {
      throw new IllegalArgumentException("not data_length and index_length: " + output);
    }
    return Long.parseLong(fields[0]) + Long.parseLong(fields[1]);
  }

  /** The bytes of {@code du --summarize --block-size=1 PATH}'s output: "BYTES\tPATH". */
  public static long duBytes(String output) {
    return Long.parseLong(output.strip().split("\\s+", 2)[0]);
  }

  /** Space-separated fields, the inverse of {@link #fromFact}. */
  public String toFact() {
    return String.format(
        Locale.ROOT, "%d %d %d %d", messages, tableBytes, fileBytes, dataDirectoryGrowth);
  }

  public static DiskUse fromFact(String value) {
    String[] fields = value.strip().split(" ");
    if (fields.length != 4) {
      throw new IllegalArgumentException("not a board's disk use: " + value);
    }
    return new DiskUse(
        Long.parseLong(fields[0]),
        Long.parseLong(fields[1]),
        Long.parseLong(fields[2]),
        Long.parseLong(fields[3]));
  }
}
