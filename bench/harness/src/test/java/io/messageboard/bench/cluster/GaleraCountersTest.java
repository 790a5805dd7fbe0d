package io.messageboard.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GaleraCountersTest {

  /** The mariadb client's batch output of the query on a 10.11 node, in the server's order. */
  private static final String STATUS =
      """
      wsrep_flow_control_paused_ns\t1500000000
      wsrep_flow_control_sent\t3
      wsrep_local_cert_failures\t0
      wsrep_received\t12
      wsrep_replicated\t4200
      wsrep_replicated_bytes\t2100000
      """;

  @Test
  void readsEachCounterByItsName() {
    assertThat(GaleraCounters.parse(STATUS))
        .isEqualTo(new GaleraCounters(1_500_000_000L, 3, 0, 4200, 2_100_000, 12));
  }

  @Test
  void refusesOutputWithoutOneOfTheCounters() {
    String withoutFlowControl = STATUS.replace("wsrep_flow_control_sent\t3\n", "");

    assertThatThrownBy(() -> GaleraCounters.parse(withoutFlowControl))
        .hasMessageContaining("wsrep_flow_control_sent");
  }

  @Test
  void givesWhatEachCounterMovedBy() {
    GaleraCounters before = new GaleraCounters(100, 1, 0, 1000, 50_000, 7);
    GaleraCounters after = new GaleraCounters(600, 4, 2, 1500, 80_000, 9);

    assertThat(after.since(before)).isEqualTo(new GaleraCounters(500, 3, 2, 500, 30_000, 2));
  }

  @Test
  void readsBackWhatItRecorded() {
    GaleraCounters counters = new GaleraCounters(1, 2, 3, 4, 5, 6);

    assertThat(GaleraCounters.fromFact(counters.toFact())).isEqualTo(counters);
  }
}
