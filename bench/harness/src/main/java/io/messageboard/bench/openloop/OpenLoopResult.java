package io.messageboard.bench.openloop;

import org.HdrHistogram.Histogram;

/**
 * What an open-loop load got: the latency of every request from when it was due (microseconds; for
 * a request never sent, until the load stopped), responses, requests sent late, requests never
 * sent, responses other than 2xx, requests that failed (refused, reset or timed out), and the time
 * from the start to the last response.
 */
public record OpenLoopResult(
    Schedule schedule,
    Histogram latencyUs,
    long responses,
    long late,
    long unsent,
    long non2xx,
    long errors,
    long elapsedNanos) {

  /**
   * Responses per second over the schedule's duration, or until the last response when that came
   * later: a server that fell behind shows here as less than the schedule's rate.
   */
  public double achievedPerSecond() {
    double seconds = Math.max(schedule.duration().toNanos(), elapsedNanos) / 1e9;
    return responses / seconds;
  }
}
