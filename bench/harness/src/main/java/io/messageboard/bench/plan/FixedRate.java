package io.messageboard.bench.plan;

import java.util.List;

/** A rate of the open-loop load: a share of the peak the closed loop (wrk) measured. */
public record FixedRate(int percentOfPeak, long perSecond) {

  /** Half the peak, where a server should have room, and four fifths, where queueing shows. */
  public static final List<Integer> PERCENTS = List.of(50, 80);

  public FixedRate {
    if (perSecond < 1) {
      throw new IllegalArgumentException(
          "a rate of at least 1 request per second, not " + perSecond);
    }
  }

  /** PERCENT of PEAK requests per second, rounded to a whole request per second. */
  public static FixedRate of(int percent, double peakPerSecond) {
    return new FixedRate(percent, Math.max(1, Math.round(peakPerSecond * percent / 100)));
  }

  /** Every measured share of PEAK, in the order they run. */
  public static List<FixedRate> ofPeak(double peakPerSecond) {
    return PERCENTS.stream().map(p -> of(p, peakPerSecond)).toList();
  }
}
