package io.messageboard.bench.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FixedRateTest {

  @Test
  void takesHalfAndFourFifthsOfThePeakRoundedToAWholeRequestPerSecond() {
    assertThat(FixedRate.ofPeak(10_778.4))
        .containsExactly(new FixedRate(50, 5_389), new FixedRate(80, 8_623));
  }

  @Test
  void roundsHalfARequestUp() {
    assertThat(FixedRate.of(50, 4_533)).isEqualTo(new FixedRate(50, 2_267));
  }

  @Test
  void neverGoesBelowOneRequestPerSecond() {
    assertThat(FixedRate.of(50, 0.4)).isEqualTo(new FixedRate(50, 1));
  }

  @Test
  void refusesARateOfNothing() {
    assertThatThrownBy(() -> new FixedRate(50, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
