package io.messageboard.adapter.persistence.jdbi;

import io.messageboard.domain.failure.StorageUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes that wait at the same time share one transaction and one commit.
 *
 * <p>Every write joins a queue; at most {@code concurrentBatches} callers at a time hold a turn,
 * and a caller with a turn takes up to {@link #MAX_BATCH} waiting writes, its own or others', and
 * hands them to the {@link BatchWork} in one go. A lone write is therefore one transaction of its
 * own, as if nothing were coalesced, and adds no wait; under load a batch is what queued while the
 * last batches ran. Each write is answered only once the batch that holds it has committed, or with
 * its own refusal, or with the batch's failure.
 *
 * <p>A write still queued when its wait for a turn runs out is taken out of the queue and fails as
 * unavailable, having done nothing. Once a batch has taken it, it waits for the batch however long
 * that takes: its outcome is decided there, and the database's own timeouts bound it.
 */
final class CoalescedWrites<I, R> {

  /** Most writes in one batch: a short transaction whose rows fit in one multi-row statement. */
  static final int MAX_BATCH = 32;

  private final Semaphore turns;
  private final long turnWaitNanos;
  private final BatchWork<I, R> work;
  private final ConcurrentLinkedQueue<PendingWrite<I, R>> waiting = new ConcurrentLinkedQueue<>();

  /**
   * Writes through {@code work}; at most {@code concurrentBatches} batches run at once, and a write
   * waits at most {@code turnWait} (the pool's connection timeout) for a batch to take it.
   */
  CoalescedWrites(int concurrentBatches, Duration turnWait, BatchWork<I, R> work) {
    if (concurrentBatches < 1) {
      throw new IllegalArgumentException(
          "concurrentBatches must be at least 1, was " + concurrentBatches);
    }
    this.turns = new Semaphore(concurrentBatches);
    this.turnWaitNanos = turnWait.toNanos();
    this.work = Objects.requireNonNull(work, "work");
  }

  /** Writes {@code item} alone or in a batch with writes that wait at the same time. */
  R write(I item) {
    PendingWrite<I, R> write = new PendingWrite<>(item);
    waiting.add(write);
    long deadline = System.nanoTime() + turnWaitNanos;
    while (!write.outcome.isDone()) {
      if (!takeTurn(write, deadline)) {
        break;
      }
      boolean ranBatch;
      try {
        // A caller whose write a batch already took runs none: the turn goes to a caller whose
        // write still waits, so that the next batch takes everything queued meanwhile instead of
        // the few writes that came in since the turn was given.
        ranBatch = !write.taken && runOneBatch();
      } finally {
        turns.release();
      }
      if (!ranBatch) {
        // This write is in a batch another caller is running.
        break;
      }
    }
    return write.await();
  }

  /** Writes queued and not yet taken into a batch; for tests. */
  int waitingWrites() {
    return waiting.size();
  }

  private boolean takeTurn(PendingWrite<I, R> write, long deadline) {
    try {
      if (turns.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        return true;
      }
      if (waiting.remove(write)) {
        String waited = "no turn to write to the message database in time";
        throw unavailable(waited, new TimeoutException(waited));
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (waiting.remove(write)) {
        throw unavailable("interrupted while waiting to write to the message database", e);
      }
      return false;
    }
  }

  private boolean runOneBatch() {
    List<PendingWrite<I, R>> batch = new ArrayList<>();
    for (PendingWrite<I, R> next; batch.size() < MAX_BATCH && (next = waiting.poll()) != null; ) {
      next.taken = true;
      batch.add(next);
    }
    if (batch.isEmpty()) {
      return false;
    }
    try {
      List<WriteOutcome<R>> outcomes = work.write(batch.stream().map(PendingWrite::item).toList());
      if (outcomes.size() != batch.size()) {
        throw new IllegalStateException(
            outcomes.size() + " outcomes for a batch of " + batch.size() + " writes");
      }
      Iterator<WriteOutcome<R>> each = outcomes.iterator();
      batch.forEach(write -> write.settle(each.next()));
    } catch (RuntimeException failure) {
      batch.forEach(write -> write.outcome.completeExceptionally(failure));
    }
    return true;
  }

  private static StorageUnavailableException unavailable(String message, Throwable cause) {
    return new StorageUnavailableException(
        "The message database cannot be reached: " + message, cause);
  }

  /**
   * Runs a batch of writes in one transaction: answers one outcome per write, in order, and throws
   * when the batch as a whole failed (nothing of it stored, or its outcome unknown).
   */
  @FunctionalInterface
  interface BatchWork<I, R> {
    List<WriteOutcome<R>> write(List<I> items);
  }

  /** One caller's write, answered by whichever caller runs the batch that takes it. */
  private static final class PendingWrite<I, R> {
    private final I item;
    private final CompletableFuture<R> outcome = new CompletableFuture<>();
    private volatile boolean taken;

    PendingWrite(I item) {
      this.item = item;
    }

    I item() {
      return item;
    }

    void settle(WriteOutcome<R> settled) {
      if (settled instanceof WriteOutcome.Refused<R> refused) {
        outcome.completeExceptionally(refused.failure());
      } else {
        outcome.complete(((WriteOutcome.Stored<R>) settled).result());
      }
    }

    R await() {
      boolean interrupted = false;
      try {
        while (true) {
          try {
            return outcome.get();
          } catch (InterruptedException e) {
            // The batch decides this write's fate whether or not its caller waits; the caller
            // learns it, then sees its interrupt again.
            interrupted = true;
          }
        }
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException failure) {
          throw failure;
        }
        throw new IllegalStateException("Writing a message failed", e.getCause());
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
