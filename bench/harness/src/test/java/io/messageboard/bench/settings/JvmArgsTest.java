package io.messageboard.bench.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JvmArgsTest {

  @Test
  void namesTheOptionsWithoutTheComments() {
    assertThat(JvmArgs.parse("# a collector\n-XX:+UseSerialGC\n-Xms48m -Xmx48m\n\n"))
        .containsExactly("-XX:+UseSerialGC", "-Xms48m", "-Xmx48m");
  }

  @Test
  void handsJavaTheFileAsAnArgumentFile() {
    JvmArgs args = new JvmArgs(Path.of("/repo/deploy/runtime/jvm.args"), List.of());

    assertThat(args.argumentFile()).isEqualTo("@/repo/deploy/runtime/jvm.args");
  }

  @Test
  void readsTheRepositorysFile() throws IOException {
    JvmArgs args = JvmArgs.read(new RuntimeFiles(Path.of("../..")).jvmArgs());

    assertThat(args.options())
        .anyMatch(o -> o.startsWith("-Xmx"))
        .noneMatch(o -> o.startsWith("#"));
  }
}
