package io.messageboard.adapter.persistence.jdbi;

import io.messageboard.domain.failure.StorageUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Reads by id that wait at the same time share one multi-row query.
 *
 * <p>Every read joins a queue; at most {@code concurrentQueries} callers at a time hold a turn, and
 * a caller with a turn takes up to {@link #MAX_BATCH} waiting reads, its own or others', and runs
 * one query for all of them. A lone read is therefore one query, as before, while under load one
 * round trip and one connection serve many reads, and the pool's other connections stay free for
 * writes. Each query runs when it is taken, never earlier than the read that joined the queue, so
 * it sees every write committed before that read was asked for: coalescing changes no answer.
 */
final class CoalescedPointReads<V> {

  /** Most ids in one query: a short IN list that MariaDB answers with one range scan. */
  static final int MAX_BATCH = 32;

  private final Semaphore turns;
  private final long maximumWaitNanos;
  private final Function<List<Integer>, Map<Integer, V>> query;
  private final ConcurrentLinkedQueue<PendingRead<V>> waiting = new ConcurrentLinkedQueue<>();

  /**
   * Reads through {@code query}, which answers the rows found among the ids it is given; a read
   * waits at most {@code maximumWait} for its answer (the pool's connection timeout, so a caller
   * waits no longer than it would for a connection) before it fails as unavailable.
   */
  CoalescedPointReads(
      int concurrentQueries, Duration maximumWait, Function<List<Integer>, Map<Integer, V>> query) {
    if (concurrentQueries < 1) {
      throw new IllegalArgumentException(
          "concurrentQueries must be at least 1, was " + concurrentQueries);
    }
    this.turns = new Semaphore(concurrentQueries);
    this.maximumWaitNanos = maximumWait.toNanos();
    this.query = Objects.requireNonNull(query, "query");
  }

  /** The row with {@code id}, read alone or together with reads that wait at the same time. */
  Optional<V> read(int id) {
    PendingRead<V> read = new PendingRead<>(id);
    waiting.add(read);
    long deadline = System.nanoTime() + maximumWaitNanos;
    while (!read.answer.isDone()) {
      if (!takeTurn(read, deadline)) {
        break;
      }
      boolean ranQuery;
      try {
        ranQuery = runOneQuery();
      } finally {
        turns.release();
      }
      if (!ranQuery) {
        // The queue was empty, so this read is in a query another caller is running.
        break;
      }
    }
    return read.await(deadline);
  }

  /** Reads queued and not yet taken into a query; for tests. */
  int waitingReads() {
    return waiting.size();
  }

  private boolean takeTurn(PendingRead<V> read, long deadline) {
    try {
      if (turns.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        return true;
      }
      if (waiting.remove(read)) {
        String waited = "no turn to query the message database in time";
        throw unavailable(waited, new TimeoutException(waited));
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (waiting.remove(read)) {
        throw unavailable("interrupted while waiting to query the message database", e);
      }
      return false;
    }
  }

  private boolean runOneQuery() {
    List<PendingRead<V>> batch = new ArrayList<>();
    for (PendingRead<V> next; batch.size() < MAX_BATCH && (next = waiting.poll()) != null; ) {
      batch.add(next);
    }
    if (batch.isEmpty()) {
      return false;
    }
    try {
      Map<Integer, V> found = query.apply(batch.stream().map(PendingRead::id).toList());
      batch.forEach(read -> read.answer.complete(Optional.ofNullable(found.get(read.id))));
    } catch (RuntimeException failure) {
      batch.forEach(read -> read.answer.completeExceptionally(failure));
      if (failure instanceof StorageUnavailableException) {
        // The database is out of reach: the reads behind these would wait their turn only to
        // fail the same way, so they fail now.
        for (PendingRead<V> next; (next = waiting.poll()) != null; ) {
          next.answer.completeExceptionally(failure);
        }
      }
    }
    return true;
  }

  private static StorageUnavailableException unavailable(String message, Throwable cause) {
    return new StorageUnavailableException(
        "The message database cannot be reached: " + message, cause);
  }

  /** One caller's read, answered by whichever caller runs the query that takes it. */
  private static final class PendingRead<V> {
    private final int id;
    private final CompletableFuture<Optional<V>> answer = new CompletableFuture<>();

    PendingRead(int id) {
      this.id = id;
    }

    int id() {
      return id;
    }

    Optional<V> await(long deadline) {
      try {
        return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException failure) {
          throw failure;
        }
        throw new IllegalStateException("Reading a message failed", e.getCause());
      } catch (TimeoutException e) {
        throw unavailable("no answer from the message database in time", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw unavailable("interrupted while waiting for the message database", e);
      }
    }
  }
}
