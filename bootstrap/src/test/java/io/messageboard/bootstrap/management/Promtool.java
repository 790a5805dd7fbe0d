package io.messageboard.bootstrap.management;

import io.messageboard.testing.Prerequisite;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code promtool check metrics} on a scrape. Without promtool on PATH the calling test is
 * skipped on a developer machine, but fails under {@code CI=true}: CI installs promtool, so its
 * absence there is a broken pipeline, not a reason to leave the scrape unchecked.
 */
final class Promtool {

  /** Exit code and combined output of one promtool run. */
  record Result(int exitCode, String output) {}

  private Promtool() {}

  static Result checkMetrics(String scrape) throws IOException, InterruptedException {
    Path promtool = requireAvailable(onPath(), System.getenv());
    Process process =
        new ProcessBuilder(promtool.toString(), "check", "metrics")
            .redirectErrorStream(true)
            .start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(scrape.getBytes(StandardCharsets.UTF_8));
    }
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("promtool did not finish within 30 s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.exitValue(), output);
  }

  /** The promtool to run; skips the test without one, or fails it when {@code CI=true}. */
  static Path requireAvailable(Optional<Path> promtool, Map<String, String> environment) {
    String missing =
        "promtool is not on PATH, so the scrape was NOT checked; install the Debian package"
            + " 'prometheus' (.ci/run does)";
    Prerequisite.require(environment, promtool.isPresent(), missing);
    return promtool.orElseThrow();
  }

  private static Optional<Path> onPath() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String directory : path.split(File.pathSeparator, -1)) {
      Path candidate = Path.of(directory.isEmpty() ? "." : directory, "promtool");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
