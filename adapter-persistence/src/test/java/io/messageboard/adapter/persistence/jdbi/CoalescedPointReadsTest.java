package io.messageboard.adapter.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.messageboard.domain.failure.StorageUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoalescedPointReadsTest {

  private static final Duration LONG_WAIT = Duration.ofSeconds(10);

  private final ExecutorService callers = Executors.newCachedThreadPool();
  private final List<List<Integer>> queries = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstQueryMayAnswer = new CountDownLatch(1);
  private final CountDownLatch firstQueryStarted = new CountDownLatch(1);

  @AfterEach
  void stopCallers() {
    firstQueryMayAnswer.countDown();
    callers.shutdownNow();
  }

  @Test
  void aLoneReadRunsOneQueryForItsOwnId() {
    CoalescedPointReads<String> reads = new CoalescedPointReads<>(1, LONG_WAIT, this::rowsUpTo100);

    assertThat(reads.read(7)).contains("row 7");
    assertThat(reads.read(500)).isEmpty();
    assertThat(queries).containsExactly(List.of(7), List.of(500));
  }

  @Test
  void readsThatWaitWhileAQueryRunsShareTheNextQuery() throws Exception {
    CoalescedPointReads<String> reads =
        new CoalescedPointReads<>(1, LONG_WAIT, this::firstQueryHeldBack);
    Future<Optional<String>> first = callers.submit(() -> reads.read(1));
    firstQueryStarted.await(10, TimeUnit.SECONDS);
    List<Future<Optional<String>>> waiting = readsOf(reads, IntStream.rangeClosed(2, 11));
    await().until(() -> reads.waitingReads() == 10);

    firstQueryMayAnswer.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).contains("row 1");
    for (int i = 0; i < waiting.size(); i++) {
      assertThat(waiting.get(i).get(10, TimeUnit.SECONDS)).contains("row " + (i + 2));
    }
    assertThat(queries).hasSize(2);
    assertThat(queries.get(1)).containsExactlyInAnyOrderElementsOf(range(2, 11));
  }

  @Test
  void oneQueryTakesAtMostTheBatchLimit() throws Exception {
    CoalescedPointReads<String> reads =
        new CoalescedPointReads<>(1, LONG_WAIT, this::firstQueryHeldBack);
    Future<Optional<String>> first = callers.submit(() -> reads.read(0));
    firstQueryStarted.await(10, TimeUnit.SECONDS);
    int queued = CoalescedPointReads.MAX_BATCH + 8;
    List<Future<Optional<String>>> waiting = readsOf(reads, IntStream.rangeClosed(1, queued));
    await().until(() -> reads.waitingReads() == queued);

    firstQueryMayAnswer.countDown();

    first.get(10, TimeUnit.SECONDS);
    for (Future<Optional<String>> read : waiting) {
      assertThat(read.get(10, TimeUnit.SECONDS)).isPresent();
    }
    assertThat(queries.subList(1, queries.size()))
        .allSatisfy(ids -> assertThat(ids).hasSizeLessThanOrEqualTo(CoalescedPointReads.MAX_BATCH))
        .flatMap(ids -> ids)
        .containsExactlyInAnyOrderElementsOf(range(1, queued));
    assertThat(queries).hasSize(3);
  }

  @Test
  void noMoreQueriesRunAtOnceThanTheGivenNumber() throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    CoalescedPointReads<String> reads =
        new CoalescedPointReads<>(
            2,
            LONG_WAIT,
            ids -> {
              mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
              try {
                Thread.sleep(5);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              running.decrementAndGet();
              return rowsUpTo100(ids);
            });

    List<Future<Optional<String>>> all = readsOf(reads, IntStream.range(0, 300).map(i -> i % 50));

    for (Future<Optional<String>> read : all) {
      assertThat(read.get(10, TimeUnit.SECONDS)).isPresent();
    }
    assertThat(mostAtOnce).hasValueBetween(1, 2);
  }

  @Test
  void aFailedQueryFailsEveryReadItTookAndLeavesTheOthersQueued() throws Exception {
    IllegalStateException broken = new IllegalStateException("broken");
    CoalescedPointReads<String> reads =
        new CoalescedPointReads<>(
            1,
            LONG_WAIT,
            ids -> {
              if (queries.isEmpty()) {
                queries.add(ids);
                firstQueryStarted.countDown();
                awaitUninterruptibly(firstQueryMayAnswer);
                throw broken;
              }
              return rowsUpTo100(ids);
            });
    Future<Optional<String>> first = callers.submit(() -> reads.read(1));
    firstQueryStarted.await(10, TimeUnit.SECONDS);
    List<Future<Optional<String>>> waiting = readsOf(reads, IntStream.rangeClosed(2, 4));
    await().until(() -> reads.waitingReads() == 3);

    firstQueryMayAnswer.countDown();

    assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasCause(broken);
    for (Future<Optional<String>> read : waiting) {
      assertThat(read.get(10, TimeUnit.SECONDS)).isPresent();
    }
  }

  @Test
  void anUnreachableDatabaseFailsTheQueuedReadsAtOnceWithoutMoreQueries() throws Exception {
    StorageUnavailableException down =
        new StorageUnavailableException("down", new IllegalStateException("refused"));
    AtomicInteger queryCount = new AtomicInteger();
    CoalescedPointReads<String> reads =
        new CoalescedPointReads<>(
            1,
            LONG_WAIT,
            ids -> {
              queryCount.incrementAndGet();
              firstQueryStarted.countDown();
              awaitUninterruptibly(firstQueryMayAnswer);
              throw down;
            });
    Future<Optional<String>> first = callers.submit(() -> reads.read(1));
    firstQueryStarted.await(10, TimeUnit.SECONDS);
    List<Future<Optional<String>>> waiting = readsOf(reads, IntStream.rangeClosed(2, 6));
    await().until(() -> reads.waitingReads() == 5);

    firstQueryMayAnswer.countDown();

    assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasCause(down);
    for (Future<Optional<String>> read : waiting) {
      assertThatThrownBy(() -> read.get(10, TimeUnit.SECONDS)).hasCause(down);
    }
    assertThat(queryCount).hasValue(1);
    assertThat(reads.waitingReads()).isZero();
  }

  @Test
  void aReadThatGetsNoTurnInTimeFailsAsUnavailableAndLeavesTheQueue() throws Exception {
    Duration maximumWait = Duration.ofSeconds(1);
    CoalescedPointReads<String> reads =
        new CoalescedPointReads<>(1, maximumWait, this::firstQueryHeldBack);
    Future<Optional<String>> first = callers.submit(() -> reads.read(1));
    firstQueryStarted.await(10, TimeUnit.SECONDS);

    long started = System.nanoTime();
    assertThatThrownBy(() -> reads.read(2)).isInstanceOf(StorageUnavailableException.class);

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(maximumWait)
        .isLessThan(maximumWait.multipliedBy(5).dividedBy(2));
    assertThat(reads.waitingReads()).isZero();
    firstQueryMayAnswer.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).contains("row 1");
    assertThat(reads.read(3)).contains("row 3");
    assertThat(queries).flatMap(ids -> ids).doesNotContain(2);
  }

  @Test
  void aReadTakenIntoAnotherCallersQueryWaitsNoLongerThanItsDeadline() throws Exception {
    CountDownLatch secondQueryMayAnswer = new CountDownLatch(1);
    CoalescedPointReads<String> reads =
        new CoalescedPointReads<>(
            1,
            Duration.ofSeconds(2),
            ids -> {
              if (ids.contains(2)) {
                awaitUninterruptibly(secondQueryMayAnswer);
                return rowsUpTo100(ids);
              }
              return firstQueryHeldBack(ids);
            });
    Future<Optional<String>> first = callers.submit(() -> reads.read(1));
    firstQueryStarted.await(10, TimeUnit.SECONDS);
    Future<Optional<String>> second = callers.submit(() -> reads.read(2));
    Future<Optional<String>> third = callers.submit(() -> reads.read(3));
    await().until(() -> reads.waitingReads() == 2);

    firstQueryMayAnswer.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).contains("row 1");
    // One of the two runs the query that takes both reads and is held in it; the other waits
    // for that query's answer only until its deadline.
    await().atMost(Duration.ofSeconds(10)).until(() -> second.isDone() || third.isDone());
    Future<Optional<String>> waiter = second.isDone() ? second : third;
    assertThatThrownBy(() -> waiter.get()).hasCauseInstanceOf(StorageUnavailableException.class);
    secondQueryMayAnswer.countDown();
  }

  @Test
  void refusesFewerThanOneConcurrentQuery() {
    assertThatThrownBy(() -> new CoalescedPointReads<>(0, LONG_WAIT, this::rowsUpTo100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }

  private Map<Integer, String> rowsUpTo100(List<Integer> ids) {
    queries.add(ids);
    return ids.stream()
        .filter(id -> id < 100)
        .distinct()
        .collect(Collectors.toMap(Function.identity(), id -> "row " + id));
  }

  private Map<Integer, String> firstQueryHeldBack(List<Integer> ids) {
    queries.add(ids);
    if (firstQueryStarted.getCount() > 0) {
      firstQueryStarted.countDown();
      awaitUninterruptibly(firstQueryMayAnswer);
    }
    return ids.stream().collect(Collectors.toMap(Function.identity(), id -> "row " + id));
  }

  private List<Future<Optional<String>>> readsOf(CoalescedPointReads<String> reads, IntStream ids) {
    List<Future<Optional<String>>> futures = new ArrayList<>();
    ids.forEach(id -> futures.add(callers.submit(() -> reads.read(id))));
    return futures;
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.rangeClosed(from, to).boxed().toList();
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
