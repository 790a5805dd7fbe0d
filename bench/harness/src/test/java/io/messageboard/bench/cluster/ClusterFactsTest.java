package io.messageboard.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterFactsTest {

  @Test
  void readsBackEachNodesCountersInTheOrderRecorded() {
    Map<String, GaleraCounters> perNode = new LinkedHashMap<>();
    perNode.put("db-2", new GaleraCounters(10, 0, 0, 300, 9000, 0));
    perNode.put("db-1", new GaleraCounters(0, 1, 0, 0, 0, 300));
    String key = ClusterFacts.key("nginx", "post", 2);

    assertThat(ClusterFacts.read(Map.of(key, ClusterFacts.value(perNode)), key))
        .hasValueSatisfying(read -> assertThat(read).containsExactlyEntriesOf(perNode));
  }

  @Test
  void findsNothingForAMeasurementWithoutCounters() {
    assertThat(ClusterFacts.read(Map.of(), ClusterFacts.key("replica", "post", 1))).isEmpty();
  }

  @Test
  void tellsItsFactsFromTheRunsOthers() {
    assertThat(ClusterFacts.holdsCounters(ClusterFacts.key("nginx", "get-by-id", 1))).isTrue();
    assertThat(ClusterFacts.holdsCounters("load average at start (1, 5, 15 min)")).isFalse();
  }
}
