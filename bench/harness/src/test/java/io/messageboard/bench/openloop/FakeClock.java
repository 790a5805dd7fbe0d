package io.messageboard.bench.openloop;

import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when waited on or told to: time passes in a test without sleeping. */
final class FakeClock implements Clock {

  private final AtomicLong now = new AtomicLong();

  @Override
  public long nanoTime() {
    return now.get();
  }

  @Override
  public void waitUntil(long deadline) {
    now.accumulateAndGet(deadline, Math::max);
  }

  void advance(long nanos) {
    now.addAndGet(nanos);
  }
}
