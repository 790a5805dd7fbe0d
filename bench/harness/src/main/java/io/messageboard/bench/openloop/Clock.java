package io.messageboard.bench.openloop;

import java.util.concurrent.locks.LockSupport;

/** Time as the open loop reads it and waits for it: the system's, or a test's. */
public interface Clock {

  long nanoTime();

  /** Returns once {@link #nanoTime()} has reached DEADLINE (at once if it has already). */
  void waitUntil(long deadline) throws InterruptedException;

  /** {@link System#nanoTime()}, waited for by parking the thread. */
  Clock SYSTEM =
      new Clock() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void waitUntil(long deadline) throws InterruptedException {
          long left;
          while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
              throw new InterruptedException();
            }
          }
        }
      };
}
