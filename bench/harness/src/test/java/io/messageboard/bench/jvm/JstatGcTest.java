package io.messageboard.bench.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.messageboard.bench.Recorded;
import org.junit.jupiter.api.Test;

class JstatGcTest {

  @Test
  void givesTheLargestSumOfSurvivorEdenAndOldInUse() {
    // Before the first collection eden held 16432.8 KiB; after it, less in all.
    assertThat(JstatGc.peakHeapUsedMib(Recorded.text("jstat-gc.txt")))
        .isCloseTo(16432.8 / 1024, within(1e-9));
  }

  @Test
  void readsTheColumnsByTheirHeaderAgainAfterARepeatedHeader() {
    String output =
        "S0C S1C S0U S1U EC EU OC OU\n1 1 0 0 10 5 10 1\nS0C S1C S0U S1U EC EU OC OU\n"
            + "1 1 1024 0 10 1024 10 1024\n";

    assertThat(JstatGc.peakHeapUsedMib(output)).isCloseTo(3.0, within(1e-9));
  }

  @Test
  void countsTheCompleteSamplesWrittenSoFar() {
    String header = "S0C S1C S0U S1U EC EU OC OU\n";

    assertThat(JstatGc.samples("")).isZero();
    assertThat(JstatGc.samples(header)).isZero();
    assertThat(JstatGc.samples(header + "1 1 0 0 10 5 10 1\n1 1 0")).isEqualTo(1);
    assertThat(JstatGc.samples(Recorded.text("jstat-gc.txt"))).isGreaterThan(4);
  }

  @Test
  void refusesSamplesWithoutAHeader() {
    assertThatThrownBy(() -> JstatGc.peakHeapUsedMib("1 1 0 0 10 5 10 1\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
