package io.messageboard.adapter.persistence.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether this process runs with the effective user id 0 (mariadbd then needs {@code --user=root}).
 *
 * <p>{@code user.name} is only the login name from the environment: a process started with {@code
 * sudo -u}, under a user namespace, or with a renamed uid-0 account gets it wrong. {@code
 * com.sun.security.auth.module.UnixSystem} lives in the optional {@code jdk.security.auth} module
 * (absent from trimmed runtimes) and reports the real, not the effective, uid. So on Linux the
 * effective uid is read from the second field of the {@code Uid:} line of {@code /proc/self/status}
 * (no subprocess, no extra module); elsewhere (macOS) {@code id -u}, which prints the effective
 * uid, is asked.
 */
final class EffectiveUser {

  private static final Path PROC_STATUS = Path.of("/proc/self/status");

  private EffectiveUser() {}

  static boolean isRoot() {
    return effectiveUid().map(uid -> uid == 0).orElse(false);
  }

  static Optional<Long> effectiveUid() {
    return fromProcStatus(PROC_STATUS).or(EffectiveUser::fromIdCommand);
  }

  static Optional<Long> fromProcStatus(Path status) {
    try {
      return uidLine(Files.readAllLines(status, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException unavailable) {
      return Optional.empty();
    }
  }

  /** The effective uid from {@code Uid:\treal\teffective\tsaved\tfilesystem}. */
  static Optional<Long> uidLine(List<String> statusLines) {
    return statusLines.stream()
        .filter(line -> line.startsWith("Uid:"))
        .findFirst()
        .map(line -> line.substring("Uid:".length()).strip().split("\\s+"))
        .filter(fields -> fields.length >= 2)
        .map(fields -> Long.parseLong(fields[1]));
  }

  private static Optional<Long> fromIdCommand() {
    try {
      Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
      String output = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!id.waitFor(5, TimeUnit.SECONDS) || id.exitValue() != 0) {
        return Optional.empty();
      }
      return Optional.of(Long.parseLong(output.strip()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
