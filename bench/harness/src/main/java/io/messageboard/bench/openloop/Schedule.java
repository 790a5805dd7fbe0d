package io.messageboard.bench.openloop;

import java.time.Duration;

/** When each request of an open-loop load is due: evenly spaced at a fixed rate for a duration. */
public record Schedule(double perSecond, Duration duration) {

  public Schedule {
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("the rate must be above 0 per second, not " + perSecond);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("the duration must be positive, not " + duration);
    }
  }

  /** How many requests fall due within the duration. */
  public long requests() {
    return (long) Math.ceil(perSecond * duration.toNanos() / 1e9);
  }

  /**
   * Nanoseconds after the start at which request INDEX (from 0) is due. Computed from the index
   * rather than by adding up intervals, so rounding never accumulates into drift.
   */
  public long dueNanos(long index) {
    return Math.round(index * 1e9 / perSecond);
  }
}
