package io.messageboard.bench.harness;

import java.util.Map;
import java.util.OptionalInt;

/**
 * What the scale run loads and with which buffer pool: BENCH_SCALE_ROWS messages (10,000,000 unless
 * set, more than the baseline's), and BENCH_SCALE_BUFFER_POOL_MIB, when set, the InnoDB buffer pool
 * the server is resized to before loading instead of the shared config's.
 */
record ScaleSettings(int messages, OptionalInt bufferPoolMib) {

  static final int DEFAULT_MESSAGES = 10_000_000;

  ScaleSettings {
    if (messages <= Run.ROWS) {
      throw new IllegalArgumentException(
          "BENCH_SCALE_ROWS must be more than the baseline's " + Run.ROWS + ": " + messages);
    }
    if (bufferPoolMib.isPresent() && bufferPoolMib.getAsInt() <= 0) {
      throw new IllegalArgumentException(
          "BENCH_SCALE_BUFFER_POOL_MIB must be positive: " + bufferPoolMib.getAsInt());
    }
  }

  static ScaleSettings from(Map<String, String> environment) {
    String messages = environment.getOrDefault("BENCH_SCALE_ROWS", "");
    String pool = environment.getOrDefault("BENCH_SCALE_BUFFER_POOL_MIB", "");
    return new ScaleSettings(
        messages.isBlank() ? DEFAULT_MESSAGES : Integer.parseInt(messages.strip()),
        pool.isBlank() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(pool.strip())));
  }
}
