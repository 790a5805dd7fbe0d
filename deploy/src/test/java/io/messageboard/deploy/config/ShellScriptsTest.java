package io.messageboard.deploy.config;

import static io.messageboard.deploy.config.ExternalTool.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every shell script of the repository is code too: shellcheck finds nothing in any of them. The
 * scripts are found, not listed: every file git tracks (or would, once added) whose first line runs
 * a shell, or that is named *.sh, or tells shellcheck its shell.
 */
class ShellScriptsTest {

  private static final Path REPO = DEPLOY.getParent();
  private static final Pattern SHELL_SHEBANG =
      Pattern.compile("#!\\s*\\S*(/|env\\s+)(ba|da)?sh\\b.*");

  @Test
  void everyShellScriptInTheRepositoryIsShellcheckClean() throws Exception {
    List<String> scripts = shellScripts();
    List<String> command = new ArrayList<>(List.of("shellcheck", "--severity=style"));
    command.addAll(scripts);

    ExternalTool.run(REPO, command.toArray(String[]::new));
  }

  // The search can fail: scripts of every kind it must recognise are among those it finds.
  @Test
  void theSearchFindsTheScriptsOfEveryKind() throws Exception {
    assertThat(shellScripts())
        .contains(
            "deploy/local/stack",
            "deploy/local/common.bash",
            "bench/run",
            ".ci/run",
            "deploy/compose/prometheus/write-app-targets.sh",
            "deploy/compose/mariadb/10-users.sh",
            "deploy/runtime/mariadb/users-sql")
        .doesNotContain("pom.xml", "deploy/runtime/jvm.args")
        .hasSizeGreaterThanOrEqualTo(15);
  }

  private static List<String> shellScripts() throws IOException, InterruptedException {
    Process git =
        new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
            .directory(REPO.toFile())
            .start();
    String files = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(git.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(git.exitValue()).as("git ls-files in %s", REPO).isZero();
    List<String> scripts = new ArrayList<>();
    for (String file : Arrays.stream(files.split("\0")).distinct().sorted().toList()) {
      Path path = REPO.resolve(file);
      if (!file.isEmpty() && Files.isRegularFile(path) && isShellScript(file, path)) {
        scripts.add(file);
      }
    }
    return scripts;
  }

  private static boolean isShellScript(String name, Path file) throws IOException {
    if (name.endsWith(".sh")) {
      return true;
    }
    byte[] start = new byte[512];
    int read;
    try (var in = Files.newInputStream(file)) {
      read = in.readNBytes(start, 0, start.length);
    }
    String head = new String(start, 0, read, StandardCharsets.ISO_8859_1);
    String firstLine = head.lines().findFirst().orElse("");
    return SHELL_SHEBANG.matcher(firstLine).matches() || head.contains("# shellcheck shell=");
  }
}
