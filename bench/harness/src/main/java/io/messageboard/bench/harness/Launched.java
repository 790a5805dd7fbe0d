package io.messageboard.bench.harness;

import java.util.concurrent.TimeUnit;

/** A process the harness started, under the name its log file carries. */
record Launched(String name, Process process) {

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGTERM, then SIGKILL after 30 s; waits until it is gone. */
  void stop() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
