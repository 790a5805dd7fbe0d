package io.messageboard.bootstrap.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class PromtoolTest {

  @Test
  void failsTheCheckUnderCiWhenPromtoolIsMissing() {
    assertThatThrownBy(() -> Promtool.requireAvailable(Optional.empty(), Map.of("CI", "true")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("promtool is not on PATH");
  }

  @Test
  void skipsTheCheckOutsideCiWhenPromtoolIsMissing() {
    assertThatThrownBy(() -> Promtool.requireAvailable(Optional.empty(), Map.of()))
        .isInstanceOf(TestAbortedException.class);
  }

  @Test
  void runsThePromtoolFoundOnPath() {
    Path promtool = Path.of("/usr/bin/promtool");

    assertThat(Promtool.requireAvailable(Optional.of(promtool), Map.of("CI", "true")))
        .isEqualTo(promtool);
  }
}
