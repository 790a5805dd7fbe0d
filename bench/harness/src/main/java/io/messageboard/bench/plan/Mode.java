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

  /** The product over a board of millions of messages beside one of 10,000 (bench/run --scale). */
  public static final Mode SCALE = new Mode("scale", 20, 5, 10, 2);

  public boolean quick() {
    return this.equals(QUICK);
  }

  public boolean scale() {
    return this.equals(SCALE);
  }

  /** 1, 2, ... rounds. */
  public List<Integer> roundNumbers() {
    return java.util.stream.IntStream.rangeClosed(1, rounds).boxed().toList();
  }
}
