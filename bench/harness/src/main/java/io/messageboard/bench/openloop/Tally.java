package io.messageboard.bench.openloop;

import org.HdrHistogram.Histogram;

/**
 * What one sender of the open loop saw, kept by that sender's thread alone and added up at the end:
 * latencies in microseconds from when each request was due, and what went wrong.
 */
final class Tally {

  final Histogram latencyUs = new Histogram(3);
  long responses;
  long late;
  long unsent;
  long non2xx;
  long errors;
  long lastResponse = Long.MIN_VALUE;

  void response(long due, long received, int status) {
    record(due, received);
    responses++;
    lastResponse = Math.max(lastResponse, received);
    if (status / 100 != 2) {
      non2xx++;
    }
  }

  /** A request still waiting to be sent when the load stopped: it waited at least until NOW. */
  void unsent(long due, long now) {
    record(due, now);
    unsent++;
  }

  private void record(long due, long until) {
    latencyUs.recordValue(Math.max(0, (until - due) / 1000));
  }

  void add(Tally other) {
    latencyUs.add(other.latencyUs);
    responses += other.responses;
    late += other.late;
    unsent += other.unsent;
    non2xx += other.non2xx;
    errors += other.errors;
    lastResponse = Math.max(lastResponse, other.lastResponse);
  }
}
