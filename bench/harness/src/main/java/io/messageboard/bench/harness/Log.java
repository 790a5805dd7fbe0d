package io.messageboard.bench.harness;

/** The harness's progress lines on standard error, as bench/run printed them. */
final class Log {

  private Log() {}

  static void info(String message) {
    System.err.println("[bench] " + message);
  }
}
