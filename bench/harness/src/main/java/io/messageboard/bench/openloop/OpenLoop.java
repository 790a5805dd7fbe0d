package io.messageboard.bench.openloop;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open-loop load: requests fall due on a fixed {@link Schedule} whatever the server does, and
 * each latency is counted from when its request was due, not from when it was sent. A server that
 * stalls therefore shows as latency for every request due during the stall (no coordinated
 * omission): requests wait for a free connection, and their wait is counted.
 *
 * <p>Each sender, on its own thread and connection, takes the next request of the schedule, waits
 * until it is due, sends it and waits for the response; a request that finds every connection busy
 * is sent by the first to come free, late. The load stops sending a second after the schedule's
 * end, so that a server that fell far behind does not keep it going: a request still waiting then
 * is never sent, and counts with the time it had waited, a lower bound of its latency.
 */
public final class OpenLoop {

  /** A request sent this long after it was due counts as late (its latency counts either way). */
  public static final long LATE_NANOS = 1_000_000;

  /** How long after the schedule's end requests that are behind are still sent. */
  static final long GRACE_NANOS = 1_000_000_000;

  private final Schedule schedule;
  private final Clock clock;

  public OpenLoop(Schedule schedule, Clock clock) {
    this.schedule = schedule;
    this.clock = clock;
  }

  /** Runs the schedule over SENDERS (connected, one thread each) and returns when all are done. */
  public OpenLoopResult run(List<? extends Sender> senders) throws InterruptedException {
    AtomicLong next = new AtomicLong();
    long start = clock.nanoTime();
    List<Tally> tallies = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (Sender sender : senders) {
      Tally tally = new Tally();
      tallies.add(tally);
      Thread thread = new Thread(() -> sendAll(sender, next, start, tally), "open-loop-sender");
      threads.add(thread);
      thread.start();
    }
    Tally total = new Tally();
    try {
      for (Thread thread : threads) {
        thread.join();
      }
    } finally {
      threads.forEach(Thread::interrupt);
    }
    tallies.forEach(total::add);
    long elapsed = total.lastResponse == Long.MIN_VALUE ? 0 : total.lastResponse - start;
    return new OpenLoopResult(
        schedule,
        total.latencyUs,
        total.responses,
        total.late,
        total.unsent,
        total.non2xx,
        total.errors,
        elapsed);
  }

  private void sendAll(Sender sender, AtomicLong next, long start, Tally tally) {
    long requests = schedule.requests();
    long stop = start + schedule.duration().toNanos() + GRACE_NANOS;
    try {
      for (long index = next.getAndIncrement(); index < requests; index = next.getAndIncrement()) {
        long due = start + schedule.dueNanos(index);
        clock.waitUntil(due);
        long now = clock.nanoTime();
        if (now > stop) {
          tally.unsent(due, now);
          continue;
        }
        if (now - due > LATE_NANOS) {
          tally.late++;
        }
        try {
          int status = sender.send(index);
          tally.response(due, clock.nanoTime(), status);
        } catch (IOException e) {
          tally.errors++;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
