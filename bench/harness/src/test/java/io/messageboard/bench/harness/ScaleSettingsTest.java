package io.messageboard.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ScaleSettingsTest {

  @Test
  void loadsTenMillionMessagesWithTheSharedConfigsBufferPoolUnlessTold() {
    assertThat(ScaleSettings.from(Map.of()))
        .isEqualTo(new ScaleSettings(10_000_000, OptionalInt.empty()));
    assertThat(
            ScaleSettings.from(Map.of("BENCH_SCALE_ROWS", "", "BENCH_SCALE_BUFFER_POOL_MIB", "")))
        .isEqualTo(new ScaleSettings(10_000_000, OptionalInt.empty()));
  }

  @Test
  void takesTheMessagesAndTheBufferPoolFromTheEnvironment() {
    assertThat(
            ScaleSettings.from(
                Map.of("BENCH_SCALE_ROWS", "1000000", "BENCH_SCALE_BUFFER_POOL_MIB", "1024")))
        .isEqualTo(new ScaleSettings(1_000_000, OptionalInt.of(1024)));
  }

  @Test
  void refusesABoardNoLargerThanTheBaseline() {
    assertThatThrownBy(() -> ScaleSettings.from(Map.of("BENCH_SCALE_ROWS", "10000")))
        .hasMessageContaining("BENCH_SCALE_ROWS");
  }

  @Test
  void refusesABufferPoolOfNothing() {
    assertThatThrownBy(() -> ScaleSettings.from(Map.of("BENCH_SCALE_BUFFER_POOL_MIB", "0")))
        .hasMessageContaining("BENCH_SCALE_BUFFER_POOL_MIB");
  }
}
