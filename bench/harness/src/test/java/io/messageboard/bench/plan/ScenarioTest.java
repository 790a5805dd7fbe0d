package io.messageboard.bench.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScenarioTest {

  @ParameterizedTest
  @EnumSource(Scenario.class)
  void everyScenarioHasItsWrkScriptInBenchWrk(Scenario scenario) {
    assertThat(Path.of("../wrk").resolve(scenario.wrkScript()))
        .satisfies(p -> assertThat(Files.isRegularFile(p)).isTrue());
  }

  @Test
  void theReferencesServeGetByIdAndPostOnly() {
    assertThat(Scenario.values())
        .filteredOn(Scenario::servedByReferences)
        .containsExactly(Scenario.GET_BY_ID, Scenario.POST);
  }

  @Test
  void theProductRunsEveryScenarioAndTheReferencesOnlyTheirs() {
    assertThat(Scenario.values()).allMatch(Program.MESSAGEBOARD::runs);
    assertThat(Program.SPRING_PEER.runs(Scenario.PUT)).isFalse();
    assertThat(Program.RAW_JDBC.runs(Scenario.POST)).isTrue();
  }

  @Test
  void onlyTheRawLoopGoesWithoutHttp() {
    assertThat(Program.values()).filteredOn(p -> !p.overHttp()).containsExactly(Program.RAW_JDBC);
  }

  @Test
  void theQuickModeIsOneShortRound() {
    assertThat(Mode.QUICK.quick()).isTrue();
    assertThat(Mode.QUICK.roundNumbers()).containsExactly(1);
    assertThat(Mode.FULL.roundNumbers()).containsExactly(1, 2);
  }
}
