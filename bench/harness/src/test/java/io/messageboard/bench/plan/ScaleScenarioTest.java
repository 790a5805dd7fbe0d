package io.messageboard.bench.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScaleScenarioTest {

  @ParameterizedTest
  @EnumSource(ScaleScenario.class)
  void everyScaleScenarioHasItsWrkScriptInBenchWrk(ScaleScenario scenario) {
    assertThat(Files.isRegularFile(Path.of("../wrk").resolve(scenario.wrkScript()))).isTrue();
  }

  @Test
  void readsTheBoardBeforeAnyPostGrowsIt() {
    assertThat(ScaleScenario.values())
        .containsExactly(ScaleScenario.GET_BY_ID, ScaleScenario.DEEP_PAGE, ScaleScenario.POST);
  }

  @Test
  void theScaleModeIsNeitherTheQuickNorTheFullRun() {
    assertThat(Mode.SCALE.scale()).isTrue();
    assertThat(Mode.SCALE.quick()).isFalse();
    assertThat(Mode.FULL.scale()).isFalse();
  }
}
