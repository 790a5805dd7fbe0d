package io.messageboard.bench.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The lock every user of the local stack holds while it uses it. Taken with flock(1), because
 * Java's file locks are fcntl locks, which do not exclude flock's: a child flock holds it for as
 * long as its standard input stays open.
 */
final class StackLock implements AutoCloseable {

  /** The local stack's lock file, the same for every user of the stack. */
  static final Path STACK = Path.of("/tmp/messageboard-stack.lock");

  private final Process holder;

  private StackLock(Process holder) {
    this.holder = holder;
  }

  /** The lock, or empty when it stayed taken for the whole wait. */
  static Optional<StackLock> acquire(Path file, Duration wait) {
    try {
      Process holder =
          new ProcessBuilder(
                  "flock",
                  "-w",
                  Long.toString(wait.toSeconds()),
                  file.toString(),
                  "sh",
                  "-c",
                  "echo locked; exec cat")
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      if ("locked".equals(out.readLine())) {
        return Optional.of(new StackLock(holder));
      }
      holder.destroy();
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot wait for " + file, e);
    }
  }

  @Override
  public void close() {
    try {
      holder.getOutputStream().close();
      holder.waitFor();
    } catch (IOException e) {
      holder.destroy();
    } catch (InterruptedException e) {
      holder.destroy();
      Thread.currentThread().interrupt();
    }
  }
}
