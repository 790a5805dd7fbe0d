package io.messageboard.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class PrerequisiteTest {

  @Test
  void aMissingPrerequisiteSkipsOutsideCi() {
    assertThatThrownBy(() -> Prerequisite.require(Map.of(), false, "promtool is not installed"))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("promtool is not installed");
  }

  @Test
  void aMissingPrerequisiteFailsUnderCi() {
    assertThatThrownBy(
            () -> Prerequisite.require(Map.of("CI", "true"), false, "promtool is not installed"))
        .isInstanceOf(AssertionError.class)
        .isNotInstanceOf(TestAbortedException.class)
        .hasMessageContaining("promtool is not installed")
        .hasMessageContaining("CI=true");
  }

  @Test
  void aPresentPrerequisiteLetsTheTestRunEverywhere() {
    assertThatCode(() -> Prerequisite.require(Map.of("CI", "true"), true, "unused"))
        .doesNotThrowAnyException();
    assertThatCode(() -> Prerequisite.require(Map.of(), true, "unused")).doesNotThrowAnyException();
  }
}
