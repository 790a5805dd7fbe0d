package io.messageboard.bench.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Galera node's replication counters from SHOW GLOBAL STATUS: the time flow control held
 * replication paused (in ns), the flow-control messages it sent (asking the others to pause while
 * its apply queue was long), its local certification failures, and the write sets it replicated (as
 * the node that ran their transactions) and received, with the bytes it replicated.
 */
public record GaleraCounters(
    long flowControlPausedNanos,
    long flowControlSent,
    long certificationFailures,
    long replicated,
    long replicatedBytes,
    long received) {

  private static final List<String> NAMES =
      List.of(
          "wsrep_flow_control_paused_ns",
          "wsrep_flow_control_sent",
          "wsrep_local_cert_failures",
          "wsrep_replicated",
          "wsrep_replicated_bytes",
          "wsrep_received");

  /** The statement whose output {@link #parse} reads. */
  public static final String QUERY =
      "SHOW GLOBAL STATUS WHERE Variable_name IN ('" + String.join("', '", NAMES) + "');\n";

  /** Reads the mariadb client's batch output of {@link #QUERY}: a name and a value a line. */
  public static GaleraCounters parse(String output) {
    Map<String, Long> values = new HashMap<>();
    for (String line : output.strip().split("\n")) {
      String[] fields = line.strip().split("\t");
      if (fields.length == 2) {
        values.put(fields[0].toLowerCase(Locale.ROOT), Long.parseLong(fields[1]));
      }
    }
    long[] read = new long[NAMES.size()];
    for (int i = 0; i < read.length; i++) {
      Long value = values.get(NAMES.get(i));
      if (value == null) {
        throw new IllegalArgumentException("no " + NAMES.get(i) + " in: " + output);
      }
      read[i] = value;
    }
    return new GaleraCounters(read[0], read[1], read[2], read[3], read[4], read[5]);
  }

  /** What the counters moved by since EARLIER. */
  public GaleraCounters since(GaleraCounters earlier) {
    return new GaleraCounters(
        flowControlPausedNanos - earlier.flowControlPausedNanos,
        flowControlSent - earlier.flowControlSent,
        certificationFailures - earlier.certificationFailures,
        replicated - earlier.replicated,
        replicatedBytes - earlier.replicatedBytes,
        received - earlier.received);
  }

  /** "PAUSED_NS SENT FAILURES REPLICATED REPLICATED_BYTES RECEIVED", the inverse of fromFact. */
  public String toFact() {
    return String.format(
        Locale.ROOT,
        "%d %d %d %d %d %d",
        flowControlPausedNanos,
        flowControlSent,
        certificationFailures,
        replicated,
        replicatedBytes,
        received);
  }

  public static GaleraCounters fromFact(String fact) {
    String[] fields = fact.strip().split(" ");
    if (fields.length != 6) {
      throw new IllegalArgumentException("expected six counters: " + fact);
    }
    return new GaleraCounters(
        Long.parseLong(fields[0]),
        Long.parseLong(fields[1]),
        Long.parseLong(fields[2]),
        Long.parseLong(fields[3]),
        Long.parseLong(fields[4]),
        Long.parseLong(fields[5]));
  }
}
