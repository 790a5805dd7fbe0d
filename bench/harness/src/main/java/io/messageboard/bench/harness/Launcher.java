package io.messageboard.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/** Starts background processes with their output in a log file, and stops what it started. */
final class Launcher {

  private final Path logs;
  private final Deque<Launched> started = new ArrayDeque<>();

  Launcher(Path logs) {
    this.logs = logs;
  }

  Path log(String name) {
    return logs.resolve(name + ".log");
  }

  synchronized Launched start(String name, ProcessBuilder command) {
    command.redirectErrorStream(true).redirectOutput(log(name).toFile());
    try {
      Launched launched = new Launched(name, command.start());
      started.push(launched);
      return launched;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command.command(), e);
    }
  }

  /** The most recently started first, so that the database goes last. */
  synchronized void stopAll() {
    while (!started.isEmpty()) {
      started.pop().stop();
    }
  }
}
