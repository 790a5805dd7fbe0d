package io.messageboard.adapter.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.messageboard.domain.failure.DuplicateMessageIdException;
import io.messageboard.domain.failure.StorageUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoalescedWritesTest {

  private static final Duration LONG_WAIT = Duration.ofSeconds(10);

  private final ExecutorService callers = Executors.newCachedThreadPool();
  private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstBatchMayCommit = new CountDownLatch(1);
  private final CountDownLatch firstBatchStarted = new CountDownLatch(1);

  @AfterEach
  void stopCallers() {
    firstBatchMayCommit.countDown();
    callers.shutdownNow();
  }

  @Test
  void aLoneWriteIsABatchOfItsOwn() {
    CoalescedWrites<Integer, String> writes = new CoalescedWrites<>(1, LONG_WAIT, this::storeAll);

    assertThat(writes.write(7)).isEqualTo("stored 7");
    assertThat(writes.write(8)).isEqualTo("stored 8");
    assertThat(batches).containsExactly(List.of(7), List.of(8));
  }

  @Test
  void writesThatWaitWhileABatchRunsShareTheNextBatchInTheOrderTheyCame() throws Exception {
    CoalescedWrites<Integer, String> writes =
        new CoalescedWrites<>(1, LONG_WAIT, this::firstBatchHeldBack);
    Future<String> first = callers.submit(() -> writes.write(1));
    firstBatchStarted.await(10, TimeUnit.SECONDS);
    List<Future<String>> waiting = new ArrayList<>();
    for (int item = 2; item <= 11; item++) {
      int queued = item;
      waiting.add(callers.submit(() -> writes.write(queued)));
      await().until(() -> writes.waitingWrites() == queued - 1);
    }

    firstBatchMayCommit.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("stored 1");
    for (int i = 0; i < waiting.size(); i++) {
      assertThat(waiting.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("stored " + (i + 2));
    }
    assertThat(batches).containsExactly(List.of(1), range(2, 11));
  }

  @Test
  void aCallerWhoseWriteABatchAlreadyTookRunsNoBatchForOthers() throws Exception {
    CountDownLatch secondBatchMayCommit = new CountDownLatch(1);
    Map<Integer, Thread> callerOf = new ConcurrentHashMap<>();
    Map<Integer, Thread> runnerOf = new ConcurrentHashMap<>();
    CoalescedWrites<Integer, String> writes =
        new CoalescedWrites<>(
            1,
            LONG_WAIT,
            items -> {
              items.forEach(item -> runnerOf.put(item, Thread.currentThread()));
              if (items.contains(2)) {
                awaitUninterruptibly(secondBatchMayCommit);
              }
              return firstBatchHeldBack(items);
            });
    List<Future<String>> all = new ArrayList<>();
    all.add(callers.submit(() -> writeAs(writes, 1, callerOf)));
    firstBatchStarted.await(10, TimeUnit.SECONDS);
    for (int item = 2; item <= 3; item++) {
      int mine = item;
      all.add(callers.submit(() -> writeAs(writes, mine, callerOf)));
      await().until(() -> writes.waitingWrites() == mine - 1);
    }
    firstBatchMayCommit.countDown();
    await().until(() -> runnerOf.containsKey(2));
    all.add(callers.submit(() -> writeAs(writes, 4, callerOf)));
    await().until(() -> writes.waitingWrites() == 1);

    secondBatchMayCommit.countDown();

    for (Future<String> write : all) {
      assertThat(write.get(10, TimeUnit.SECONDS)).startsWith("stored");
    }
    assertThat(runnerOf.get(4)).isSameAs(callerOf.get(4));
  }

  private static String writeAs(
      CoalescedWrites<Integer, String> writes, int item, Map<Integer, Thread> callerOf) {
    callerOf.put(item, Thread.currentThread());
    return writes.write(item);
  }

  @Test
  void oneBatchTakesAtMostTheLimit() throws Exception {
    CoalescedWrites<Integer, String> writes =
        new CoalescedWrites<>(1, LONG_WAIT, this::firstBatchHeldBack);
    Future<String> first = callers.submit(() -> writes.write(0));
    firstBatchStarted.await(10, TimeUnit.SECONDS);
    int queued = CoalescedWrites.MAX_BATCH + 8;
    List<Future<String>> waiting = writesOf(writes, IntStream.rangeClosed(1, queued));
    await().until(() -> writes.waitingWrites() == queued);

    firstBatchMayCommit.countDown();

    first.get(10, TimeUnit.SECONDS);
    for (Future<String> write : waiting) {
      assertThat(write.get(10, TimeUnit.SECONDS)).startsWith("stored");
    }
    assertThat(batches).hasSize(3);
    assertThat(batches.subList(1, 3))
        .allSatisfy(items -> assertThat(items).hasSizeLessThanOrEqualTo(CoalescedWrites.MAX_BATCH))
        .flatMap(items -> items)
        .containsExactlyInAnyOrderElementsOf(range(1, queued));
  }

  @Test
  void noMoreBatchesRunAtOnceThanTheGivenNumber() throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    CoalescedWrites<Integer, String> writes =
        new CoalescedWrites<>(
            2,
            LONG_WAIT,
            items -> {
              mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
              sleepBriefly();
              running.decrementAndGet();
              return storeAll(items);
            });

    List<Future<String>> all = writesOf(writes, IntStream.range(0, 300));

    for (int i = 0; i < all.size(); i++) {
      assertThat(all.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("stored " + i);
    }
    assertThat(mostAtOnce).hasValueBetween(1, 2);
    assertThat(batches).flatMap(items -> items).hasSize(300);
  }

  @Test
  void aWriteRefusedOnItsOwnFailsAloneWhileTheOthersInItsBatchAreStored() throws Exception {
    DuplicateMessageIdException taken = new DuplicateMessageIdException(3);
    CoalescedWrites<Integer, String> writes =
        new CoalescedWrites<>(
            1,
            LONG_WAIT,
            items -> {
              firstBatchHeldBack(items);
              return items.stream()
                  .map(
                      item ->
                          item == 3
                              ? WriteOutcome.<String>refused(taken)
                              : WriteOutcome.stored("stored " + item))
                  .toList();
            });
    Future<String> first = callers.submit(() -> writes.write(1));
    firstBatchStarted.await(10, TimeUnit.SECONDS);
    List<Future<String>> waiting = writesOf(writes, IntStream.rangeClosed(2, 4));
    await().until(() -> writes.waitingWrites() == 3);

    firstBatchMayCommit.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("stored 1");
    assertThat(waiting.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("stored 2");
    assertThatThrownBy(() -> waiting.get(1).get(10, TimeUnit.SECONDS)).hasCause(taken);
    assertThat(waiting.get(2).get(10, TimeUnit.SECONDS)).isEqualTo("stored 4");
    assertThat(batches).hasSize(2);
    assertThat(batches.get(1)).containsExactlyInAnyOrder(2, 3, 4);
  }

  @Test
  void aFailedBatchFailsEveryWriteItTookAndTheQueuedOnesStillRun() throws Exception {
    StorageUnavailableException lost =
        new StorageUnavailableException("lost", new IllegalStateException("connection"));
    CoalescedWrites<Integer, String> writes =
        new CoalescedWrites<>(
            1,
            LONG_WAIT,
            items -> {
              if (batches.isEmpty()) {
                firstBatchHeldBack(items);
                throw lost;
              }
              return storeAll(items);
            });
    Future<String> first = callers.submit(() -> writes.write(1));
    firstBatchStarted.await(10, TimeUnit.SECONDS);
    List<Future<String>> waiting = writesOf(writes, IntStream.rangeClosed(2, 4));
    await().until(() -> writes.waitingWrites() == 3);

    firstBatchMayCommit.countDown();

    assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasCause(lost);
    for (Future<String> write : waiting) {
      assertThat(write.get(10, TimeUnit.SECONDS)).startsWith("stored");
    }
  }

  @Test
  void aBatchThatAnswersTooFewOutcomesFailsEveryWriteInIt() {
    CoalescedWrites<Integer, String> writes =
        new CoalescedWrites<>(1, LONG_WAIT, items -> List.of());

    assertThatThrownBy(() -> writes.write(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("0 outcomes for a batch of 1 writes");
  }

  @Test
  void aWriteThatGetsNoTurnInTimeFailsAsUnavailableHavingDoneNothing() throws Exception {
    Duration turnWait = Duration.ofSeconds(1);
    CoalescedWrites<Integer, String> writes =
        new CoalescedWrites<>(1, turnWait, this::firstBatchHeldBack);
    Future<String> first = callers.submit(() -> writes.write(1));
    firstBatchStarted.await(10, TimeUnit.SECONDS);

    long started = System.nanoTime();
    assertThatThrownBy(() -> writes.write(2))
        .isInstanceOf(StorageUnavailableException.class)
        .hasMessageContaining("no turn to write");

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(turnWait)
        .isLessThan(turnWait.multipliedBy(5).dividedBy(2));
    assertThat(writes.waitingWrites()).isZero();
    firstBatchMayCommit.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("stored 1");
    assertThat(writes.write(3)).isEqualTo("stored 3");
    assertThat(batches).containsExactly(List.of(1), List.of(3));
  }

  @Test
  void aWriteTakenIntoAnotherCallersBatchWaitsForItsOutcomePastTheTurnWait() throws Exception {
    Duration turnWait = Duration.ofSeconds(1);
    CountDownLatch secondBatchMayCommit = new CountDownLatch(1);
    CoalescedWrites<Integer, String> writes =
        new CoalescedWrites<>(
            1,
            turnWait,
            items -> {
              if (items.contains(2)) {
                batches.add(items);
                awaitUninterruptibly(secondBatchMayCommit);
                return items.stream().map(item -> WriteOutcome.stored("stored " + item)).toList();
              }
              return firstBatchHeldBack(items);
            });
    Future<String> first = callers.submit(() -> writes.write(1));
    firstBatchStarted.await(10, TimeUnit.SECONDS);
    Future<String> second = callers.submit(() -> writes.write(2));
    await().until(() -> writes.waitingWrites() == 1);
    Future<String> third = callers.submit(() -> writes.write(3));
    await().until(() -> writes.waitingWrites() == 2);
    firstBatchMayCommit.countDown();
    await().until(() -> batches.size() == 2);

    Thread.sleep(turnWait.multipliedBy(2).toMillis());

    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("stored 1");
    // Whichever of the two callers did not run the batch still waits: its outcome is not known.
    assertThat(second.isDone() || third.isDone()).isFalse();
    secondBatchMayCommit.countDown();
    assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("stored 2");
    assertThat(third.get(10, TimeUnit.SECONDS)).isEqualTo("stored 3");
    assertThat(batches.get(1)).containsExactly(2, 3);
  }

  @Test
  void aWriterInterruptedBeforeABatchTookItFailsAsUnavailableHavingDoneNothing() throws Exception {
    CoalescedWrites<Integer, String> writes =
        new CoalescedWrites<>(1, LONG_WAIT, this::firstBatchHeldBack);
    Future<String> first = callers.submit(() -> writes.write(1));
    firstBatchStarted.await(10, TimeUnit.SECONDS);
    Future<String> second = callers.submit(() -> writes.write(2));
    await().until(() -> writes.waitingWrites() == 1);

    second.cancel(true);

    await().until(() -> writes.waitingWrites() == 0);
    firstBatchMayCommit.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("stored 1");
    assertThat(writes.write(3)).isEqualTo("stored 3");
    assertThat(batches).containsExactly(List.of(1), List.of(3));
  }

  @Test
  void aWriterInterruptedWhileItsBatchRunsLearnsItsOutcomeAndKeepsItsInterrupt() throws Exception {
    CountDownLatch secondBatchMayCommit = new CountDownLatch(1);
    Map<Integer, Thread> writers = new ConcurrentHashMap<>();
    AtomicReference<Thread> runner = new AtomicReference<>();
    CoalescedWrites<Integer, String> writes =
        new CoalescedWrites<>(
            1,
            LONG_WAIT,
            items -> {
              if (items.contains(2)) {
                runner.set(Thread.currentThread());
                awaitUninterruptibly(secondBatchMayCommit);
                return storeAll(items);
              }
              return firstBatchHeldBack(items);
            });
    Future<String> first = callers.submit(() -> writes.write(1));
    firstBatchStarted.await(10, TimeUnit.SECONDS);
    List<Future<String>> queued = new ArrayList<>();
    for (int item = 2; item <= 3; item++) {
      int mine = item;
      queued.add(
          callers.submit(
              () -> {
                writers.put(mine, Thread.currentThread());
                String outcome = writes.write(mine);
                return outcome + (Thread.currentThread().isInterrupted() ? ", interrupted" : "");
              }));
      await().until(() -> writes.waitingWrites() == mine - 1);
    }
    firstBatchMayCommit.countDown();
    await().until(() -> runner.get() != null);
    int waiter = writers.get(2) == runner.get() ? 3 : 2;

    Objects.requireNonNull(writers.get(waiter)).interrupt();
    Thread.sleep(100);
    secondBatchMayCommit.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("stored 1");
    assertThat(queued.get(waiter - 2).get(10, TimeUnit.SECONDS))
        .isEqualTo("stored " + waiter + ", interrupted");
    assertThat(queued.get(1 - (waiter - 2)).get(10, TimeUnit.SECONDS))
        .doesNotContain("interrupted");
  }

  @Test
  void refusesFewerThanOneConcurrentBatch() {
    assertThatThrownBy(() -> new CoalescedWrites<>(0, LONG_WAIT, this::storeAll))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }

  private List<WriteOutcome<String>> storeAll(List<Integer> items) {
    batches.add(items);
    return items.stream().map(item -> WriteOutcome.stored("stored " + item)).toList();
  }

  private List<WriteOutcome<String>> firstBatchHeldBack(List<Integer> items) {
    if (firstBatchStarted.getCount() > 0) {
      batches.add(items);
      firstBatchStarted.countDown();
      awaitUninterruptibly(firstBatchMayCommit);
      return items.stream().map(item -> WriteOutcome.stored("stored " + item)).toList();
    }
    return storeAll(items);
  }

  private List<Future<String>> writesOf(CoalescedWrites<Integer, String> writes, IntStream items) {
    List<Future<String>> futures = new ArrayList<>();
    items.forEach(item -> futures.add(callers.submit(() -> writes.write(item))));
    return futures;
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.rangeClosed(from, to).boxed().toList();
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
