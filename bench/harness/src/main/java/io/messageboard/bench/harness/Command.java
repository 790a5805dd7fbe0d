package io.messageboard.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs a short command to its end and hands back what it printed (output and errors together). */
final class Command {

  private Command() {}

  /** The output; fails when the command exits non-zero. */
  static String output(ProcessBuilder command) {
    Result result = run(command, null);
    if (result.status() != 0) {
      throw new IllegalStateException(
          command.command() + " exited with " + result.status() + ":\n" + result.output());
    }
    return result.output();
  }

  static String output(String... command) {
    return output(new ProcessBuilder(command));
  }

  /** Runs with its output going to FILE; fails when the command exits non-zero. */
  static void toFile(ProcessBuilder command, Path file) {
    command.redirectErrorStream(true).redirectOutput(file.toFile());
    try {
      int status = command.start().waitFor();
      if (status != 0) {
        throw new IllegalStateException(
            command.command() + " exited with " + status + " (output: " + file + ")");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.command(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + command.command(), e);
    }
  }

  /** What a command printed and how it exited. */
  record Result(int status, String output) {}

  /** Runs with INPUT on its standard input (none when null), whatever it exits with. */
  static Result run(ProcessBuilder command, String input) {
    command.redirectErrorStream(true);
    try {
      Process process = command.start();
      try (var stdin = process.getOutputStream()) {
        if (input != null) {
          stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Result(process.waitFor(), output);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.command(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + command.command(), e);
    }
  }
}
