package io.messageboard.bench.scale;

import java.util.List;
import java.util.OptionalDouble;

/**
 * InnoDB's buffer pool counters from SHOW GLOBAL STATUS: page read requests, and those of them the
 * pool could not serve and read from disk ({@code Innodb_buffer_pool_read_requests}, {@code
 * Innodb_buffer_pool_reads}).
 */
public record BufferPoolCounters(long readRequests, long diskReads) {

  /** The statement whose output {@link #parse} reads. */
  public static final String QUERY =
      "SHOW GLOBAL STATUS WHERE Variable_name IN"
          + " ('Innodb_buffer_pool_read_requests', 'Innodb_buffer_pool_reads');\n";

  /** Reads the mariadb client's batch output of {@link #QUERY}: a name and a value a line. */
  public static BufferPoolCounters parse(String output) {
    Long requests = null;
    Long reads = null;
    for (String line : output.strip().split("\n")) {
      String[] fields = line.strip().split("\t");
      if (fields.length != 2) {
        continue;
      }
      switch (fields[0]) {
        case "Innodb_buffer_pool_read_requests" -> requests = Long.parseLong(fields[1]);
        case "Innodb_buffer_pool_reads" -> reads = Long.parseLong(fields[1]);
        default -> {}
      }
    }
    if (requests == null || reads == null) {
      throw new IllegalArgumentException("no buffer pool read counters in: " + output);
    }
    return new BufferPoolCounters(requests, reads);
  }

  /** What the counters moved by since EARLIER. */
  public BufferPoolCounters since(BufferPoolCounters earlier) {
    return new BufferPoolCounters(
        readRequests - earlier.readRequests, diskReads - earlier.diskReads);
  }

  /** The counters of several measurements together. */
  public static BufferPoolCounters sum(List<BufferPoolCounters> measured) {
    return new BufferPoolCounters(
        measured.stream().mapToLong(BufferPoolCounters::readRequests).sum(),
        measured.stream().mapToLong(BufferPoolCounters::diskReads).sum());
  }

  /** The share of read requests the pool served without reading from disk; empty without any. */
  public OptionalDouble hitRatio() {
    return readRequests <= 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(1.0 - (double) diskReads / readRequests);
  }

  /** "REQUESTS READS", the inverse of {@link #fromFact}. */
  public String toFact() {
    return readRequests + " " + diskReads;
  }

  public static BufferPoolCounters fromFact(String value) {
    String[] fields = value.strip().split(" ");
    if (fields.length != 2) {
      throw new IllegalArgumentException("not buffer pool counters: " + value);
    }
    return new BufferPoolCounters(Long.parseLong(fields[0]), Long.parseLong(fields[1]));
  }
}
