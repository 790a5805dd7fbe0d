package io.messageboard.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.testing.Prerequisite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command-line checker (promtool, nginx, shellcheck) run on the project's files. Where it is not
 * installed the test is skipped, except in CI ({@code CI=true}), where a missing tool fails it.
 */
final class ExternalTool {

  static final Path DEPLOY = Path.of("").toAbsolutePath();

  private ExternalTool() {}

  static void require(String tool) {
    boolean installed =
        List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    Prerequisite.require(
        installed, tool + " is not installed (deploy/local/stack install installs it)");
  }

  /** Runs a command in a folder and returns its combined output, failing on a non-zero exit. */
  static String run(Path folder, Map<String, String> environment, String... command)
      throws IOException, InterruptedException {
    if (!command[0].contains("/")) {
      require(command[0]);
    }
    ProcessBuilder builder =
        new ProcessBuilder(new ArrayList<>(List.of(command)))
            .directory(folder.toFile())
            .redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
    assertThat(process.exitValue()).as("%s exit code; output:%n%s", command[0], output).isZero();
    return output;
  }

  static String run(Path folder, String... command) throws IOException, InterruptedException {
    return run(folder, Map.of(), command);
  }

  /**
   * Runs a command and returns its standard output alone (for tools whose output is parsed), so a
   * warning on standard error cannot corrupt it; a non-zero exit fails with both streams.
   */
  static String output(Path folder, String... command) throws IOException, InterruptedException {
    if (!command[0].contains("/")) {
      require(command[0]);
    }
    Path errors = Files.createTempFile("external-tool", ".err");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(folder.toFile())
              .redirectError(errors.toFile())
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
      assertThat(process.exitValue())
          .as("%s exit code; errors:%n%s", command[0], Files.readString(errors))
          .isZero();
      return output;
    } finally {
      Files.delete(errors);
    }
  }
}
