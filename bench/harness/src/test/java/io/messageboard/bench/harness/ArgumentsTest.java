package io.messageboard.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.bench.plan.Mode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

  @Test
  void runsTheFullBenchmarkUnlessAskedForTheQuickOne() {
    assertThat(Arguments.parse("--repository", "/repo"))
        .isEqualTo(new Arguments(Path.of("/repo"), Mode.FULL));
    assertThat(Arguments.parse("--quick", "--repository", "/repo").mode()).isEqualTo(Mode.QUICK);
  }

  @Test
  void runsTheScaleModeWhenAskedForIt() {
    assertThat(Arguments.parse("--repository", "/repo", "--scale").mode()).isEqualTo(Mode.SCALE);
  }

  @Test
  void makesTheRepositoryAbsolute() {
    assertThat(Arguments.parse("--repository", ".").repository()).isAbsolute();
  }

  @Test
  void refusesToRunWithoutTheRepository() {
    assertThatThrownBy(() -> Arguments.parse("--quick"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Arguments.parse("--repository"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAnUnknownArgument() {
    assertThatThrownBy(() -> Arguments.parse("--repository", "/repo", "--fast"))
        .hasMessageContaining("--fast");
  }
}
