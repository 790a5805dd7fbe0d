package io.messageboard.bench.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JvmEnvTest {

  @Test
  void readsNameValueLinesAndSkipsComments() {
    JvmEnv env = JvmEnv.parse("# arenas\nMALLOC_ARENA_MAX=2\n\n  # more\nTZ=UTC\n");

    assertThat(env.variables()).containsOnly(entry("MALLOC_ARENA_MAX", "2"), entry("TZ", "UTC"));
  }

  @Test
  void keepsEqualsSignsInTheValue() {
    assertThat(JvmEnv.parse("JAVA_TOOL_OPTIONS=-Da=b\n").variables())
        .containsEntry("JAVA_TOOL_OPTIONS", "-Da=b");
  }

  @Test
  void refusesALineWithoutAName() {
    assertThatThrownBy(() -> JvmEnv.parse("=2\n")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsTheRepositorysFile() throws IOException {
    JvmEnv env = JvmEnv.read(new RuntimeFiles(Path.of("../..")).jvmEnv());

    assertThat(env.variables()).containsKey("MALLOC_ARENA_MAX");
    assertThat(env.describe()).contains("MALLOC_ARENA_MAX=");
  }
}
