package io.messageboard.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DockerRunTest {

  private static final DockerRun IMAGE =
      new DockerRun(
          "messageboard/app:local",
          List.of(
              "java",
              "@/app/jvm.args",
              "-XX:SharedArchiveFile=/app/messageboard.jsa",
              "-jar",
              "/app/messageboard.jar"));

  @Test
  void startsTheImageWithItsOwnEntrypointOnTheHostsNetwork() {
    assertThat(IMAGE.asBuilt("probe-1", Set.of("MESSAGEBOARD_DB_URL")))
        .containsExactly(
            "docker",
            "run",
            "--rm",
            "--name",
            "probe-1",
            "--network",
            "host",
            "--env",
            "MESSAGEBOARD_DB_URL",
            "messageboard/app:local");
  }

  @Test
  void passesSettingsByNameSoThatNoValueIsOnTheCommandLine() {
    List<String> command =
        IMAGE.asBuilt("probe-1", Set.of("MESSAGEBOARD_DB_PASSWORD", "MESSAGEBOARD_DB_URL"));

    assertThat(command)
        .containsSubsequence("--env", "MESSAGEBOARD_DB_PASSWORD", "--env", "MESSAGEBOARD_DB_URL")
        .noneMatch(argument -> argument.contains("="));
  }

  @Test
  void withoutTheArchiveRunsTheSameJvmOptionsAndJarLessTheArchiveOption() {
    List<String> command = IMAGE.withoutArchive("probe-2", Set.of());

    assertThat(command)
        .endsWith(
            "--entrypoint",
            "java",
            "messageboard/app:local",
            "@/app/jvm.args",
            "-jar",
            "/app/messageboard.jar")
        .noneMatch(argument -> argument.startsWith(DockerRun.ARCHIVE_OPTION));
  }

  @Test
  void tellsWhetherTheEntrypointMapsAnArchive() {
    assertThat(IMAGE.mapsAnArchive()).isTrue();
    assertThat(
            new DockerRun("old", List.of("java", "-jar", "/app/messageboard.jar")).mapsAnArchive())
        .isFalse();
  }
}
