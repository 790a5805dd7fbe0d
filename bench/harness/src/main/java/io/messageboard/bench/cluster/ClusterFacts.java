package io.messageboard.bench.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names under which a run records each cluster node's Galera counters for one measurement, and
 * how the report reads them back: {@code galera ROUTE SCENARIO round N} holds {@code NODE=COUNTERS}
 * per node, comma-separated.
 */
public final class ClusterFacts {

  private ClusterFacts() {}

  private static final String PREFIX = "galera ";

  public static String key(String route, String scenario, int round) {
    return PREFIX + route + " " + scenario + " round " + round;
  }

  /** Whether a fact holds counters, which the report shows in its own table, not as they are. */
  public static boolean holdsCounters(String key) {
    return key.startsWith(PREFIX);
  }

  public static String value(Map<String, GaleraCounters> perNode) {
    StringBuilder value = new StringBuilder();
    perNode.forEach(
        (node, counters) ->
            value
                .append(value.isEmpty() ? "" : ",")
                .append(node)
                .append('=')
                .append(counters.toFact()));
    return value.toString();
  }

  /** The counters of each node, in the order recorded; empty when the run recorded none. */
  public static Optional<Map<String, GaleraCounters>> read(Map<String, String> facts, String key) {
    String value = facts.get(key);
    if (value == null) {
      return Optional.empty();
    }
    Map<String, GaleraCounters> perNode = new LinkedHashMap<>();
    for (String node : value.split(",")) {
      String[] parts = node.split("=", 2);
      perNode.put(parts[0].strip(), GaleraCounters.fromFact(parts[1]));
    }
    return Optional.of(perNode);
  }
}
