package io.messageboard.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BufferPoolCountersTest {

  @Test
  void readsTheCountersFromTheClientsBatchOutput() {
    String output = "Innodb_buffer_pool_read_requests\t40392081\nInnodb_buffer_pool_reads\t246\n";

    assertThat(BufferPoolCounters.parse(output)).isEqualTo(new BufferPoolCounters(40392081, 246));
  }

  @Test
  void refusesOutputWithoutBothCounters() {
    assertThatThrownBy(() -> BufferPoolCounters.parse("Innodb_buffer_pool_reads\t246\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givesTheHitRatioOfWhatTheCountersMovedBy() {
    BufferPoolCounters before = new BufferPoolCounters(1_000, 100);
    BufferPoolCounters after = new BufferPoolCounters(11_000, 600);

    BufferPoolCounters moved = after.since(before);

    assertThat(moved).isEqualTo(new BufferPoolCounters(10_000, 500));
    assertThat(moved.hitRatio()).hasValue(0.95);
  }

  @Test
  void addsTheCountersOfSeveralMeasurements() {
    assertThat(
            BufferPoolCounters.sum(
                List.of(new BufferPoolCounters(1000, 100), new BufferPoolCounters(3000, 100))))
        .isEqualTo(new BufferPoolCounters(4000, 200));
  }

  @Test
  void hasNoHitRatioWithoutReadRequests() {
    assertThat(new BufferPoolCounters(0, 0).hitRatio()).isEmpty();
  }

  @Test
  void readsBackTheFactItWrites() {
    BufferPoolCounters counters = new BufferPoolCounters(123_456_789_012L, 42);

    assertThat(BufferPoolCounters.fromFact(counters.toFact())).isEqualTo(counters);
  }
}
