package io.messageboard.bench.plan;

import java.util.List;

/**
 * How long and how often a run measures: seconds of JIT warm-up per program and scenario, then per
 * measurement seconds of discarded warm-up and measured seconds, and the number of interleaved
 * rounds.
 */
public record Mode(String name, int jitWarmUpSeconds, int warmUpSeconds, int seconds, int rounds) {

  /** The full run the committed results come from. */
  public static final Mode FULL = new Mode("full", 20, 5, 10, 2);

  /** The one-minute smoke check CI runs: one short round of the direct scenarios. */
  public static final Mode QUICK = new Mode("quick", 1, 1, 2, 1);

  public boolean quick() {
    return this.equals(QUICK);
  }

  /** 1, 2, ... rounds. */
  public List<Integer> roundNumbers() {
    return java.util.stream.IntStream.rangeClosed(1, rounds).boxed().toList();
  }
}
