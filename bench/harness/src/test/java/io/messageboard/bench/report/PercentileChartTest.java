package io.messageboard.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PercentileChartTest {

  @Test
  void placesEachTenfoldStepTowardsOneHundredPercentOneTickFurther() {
    assertThat(PercentileChart.position(0)).isEqualTo(0.0);
    assertThat(PercentileChart.position(90)).isCloseTo(1.0, within(1e-9));
    assertThat(PercentileChart.position(99)).isCloseTo(2.0, within(1e-9));
    assertThat(PercentileChart.position(99.9)).isCloseTo(3.0, within(1e-9));
    assertThat(PercentileChart.position(100)).isInfinite();
  }

  @Test
  void labelsTheTicksWithTheirPercentiles() {
    assertThat(PercentileChart.label(0)).isEqualTo("0 %");
    assertThat(PercentileChart.label(1)).isEqualTo("90 %");
    assertThat(PercentileChart.label(3)).isEqualTo("99.9 %");
    assertThat(PercentileChart.label(5)).isEqualTo("99.999 %");
  }
}
