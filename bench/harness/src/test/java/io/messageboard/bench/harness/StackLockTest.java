package io.messageboard.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackLockTest {

  @TempDir Path folder;

  @Test
  void aSecondUserWaitsInVainWhileTheLockIsHeld() {
    Path file = folder.resolve("stack.lock");
    try (StackLock held = StackLock.acquire(file, Duration.ofSeconds(5)).orElseThrow()) {
      assertThat(StackLock.acquire(file, Duration.ofSeconds(1))).isEmpty();
    }
  }

  @Test
  void theLockIsFreeAgainOnceClosed() {
    Path file = folder.resolve("stack.lock");
    StackLock.acquire(file, Duration.ofSeconds(5)).orElseThrow().close();

    Optional<StackLock> again = StackLock.acquire(file, Duration.ofSeconds(1));

    assertThat(again).isPresent();
    again.get().close();
  }

  @Test
  void excludesAShellUserOfFlock() throws Exception {
    Path file = folder.resolve("stack.lock");
    Process shell =
        new ProcessBuilder("flock", file.toString(), "sh", "-c", "echo held; sleep 30").start();
    try {
      assertThat(new String(shell.getInputStream().readNBytes(5))).isEqualTo("held\n");

      assertThat(StackLock.acquire(file, Duration.ofSeconds(1))).isEmpty();
    } finally {
      shell.descendants().forEach(ProcessHandle::destroy);
      shell.destroy();
      shell.waitFor();
    }
  }
}
