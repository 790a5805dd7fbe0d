package io.messageboard.bench.harness;

import io.messageboard.bench.proc.CoreTimes;
import io.messageboard.bench.proc.ProcFiles;
import java.time.Duration;

/**
 * Waits until the cores were under 10 % busy for a second (at most a minute), so that a timed start
 * does not share them with what the other programs still do after they answer (JIT compilation,
 * MariaDB's purge after the rows were loaded).
 */
record QuietCores(ProcFiles proc) {

  static final int QUIET_PERCENT = 10;
  static final int MAX_WAIT_SECONDS = 60;

  /** How busy the cores were in the last second waited, in percent. */
  int await() {
    long deadline = System.nanoTime() + Duration.ofSeconds(MAX_WAIT_SECONDS).toNanos();
    int busy = busyOverOneSecond();
    while (busy >= QUIET_PERCENT && System.nanoTime() < deadline) {
      busy = busyOverOneSecond();
    }
    return busy;
  }

  private int busyOverOneSecond() {
    CoreTimes before = CoreTimes.parse(proc.require("stat"));
    Pause.seconds(1);
    return CoreTimes.parse(proc.require("stat")).busyPercentSince(before);
  }
}
