package io.messageboard.bench.openloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class OpenLoopTest {

  private static final long MS = 1_000_000;
  private static final long US = 1_000;

  /** One request every millisecond for 10 ms. */
  private static final Schedule TEN_MS = new Schedule(1_000, Duration.ofMillis(10));

  private final FakeClock clock = new FakeClock();

  @Test
  void sendsEachRequestWhenItIsDue() throws InterruptedException {
    ScriptedSender sender = new ScriptedSender(Map.of());

    new OpenLoop(TEN_MS, clock).run(List.of(sender));

    assertThat(sender.sentAt)
        .containsExactly(0L, MS, 2 * MS, 3 * MS, 4 * MS, 5 * MS, 6 * MS, 7 * MS, 8 * MS, 9 * MS);
  }

  @Test
  void countsLatencyFromWhenTheRequestWasDue() throws InterruptedException {
    OpenLoopResult result = new OpenLoop(TEN_MS, clock).run(List.of(new ScriptedSender(Map.of())));

    assertThat(result.responses()).isEqualTo(10);
    assertThat(result.latencyUs().getCountAtValue(100)).isEqualTo(10);
    assertThat(result.late()).isZero();
    assertThat(result.achievedPerSecond()).isCloseTo(1_000.0, within(1e-6));
  }

  @Test
  void aStalledResponseCountsForEveryRequestDueBehindIt() throws InterruptedException {
    // Request 2 takes 5 ms; the requests due at 3, 4, 5 and 6 ms wait for the one connection.
    OpenLoopResult result =
        new OpenLoop(TEN_MS, clock).run(List.of(new ScriptedSender(Map.of(2L, 5 * MS))));

    assertThat(values(result.latencyUs()))
        .containsExactlyInAnyOrder(
            100L, 100L, 5_000L, 4_100L, 3_200L, 2_300L, 1_400L, 500L, 100L, 100L);
    // Sent 4.0, 3.1, 2.2 and 1.3 ms after they were due; request 7 only 0.4 ms.
    assertThat(result.late()).isEqualTo(4);
  }

  @Test
  void countsFailedRequestsAsErrorsAndOtherStatusesAsNon2xx() throws InterruptedException {
    ScriptedSender sender = new ScriptedSender(Map.of());
    sender.failsAt = 3;
    sender.statuses = Map.of(5L, 503);

    OpenLoopResult result = new OpenLoop(TEN_MS, clock).run(List.of(sender));

    assertThat(result.errors()).isEqualTo(1);
    assertThat(result.non2xx()).isEqualTo(1);
    assertThat(result.responses()).isEqualTo(9);
  }

  @Test
  void givesTheAchievedRateUntilTheLastResponseWhenTheServerFellBehind()
      throws InterruptedException {
    // The last request is due at 9 ms; a 11 ms response ends the load at 20 ms.
    OpenLoopResult result =
        new OpenLoop(TEN_MS, clock).run(List.of(new ScriptedSender(Map.of(9L, 11 * MS))));

    assertThat(result.elapsedNanos()).isEqualTo(20 * MS);
    assertThat(result.achievedPerSecond()).isCloseTo(500.0, within(1e-6));
  }

  @Test
  void stopsSendingASecondAfterTheEndAndCountsWhatWasLeftWithItsWaitSoFar()
      throws InterruptedException {
    // Request 1 takes 2 s: requests 2 to 9 are still waiting when the load stops at 1.01 s.
    OpenLoopResult result =
        new OpenLoop(TEN_MS, clock).run(List.of(new ScriptedSender(Map.of(1L, 2_000 * MS))));

    assertThat(result.responses()).isEqualTo(2);
    assertThat(result.unsent()).isEqualTo(8);
    assertThat(result.elapsedNanos()).isEqualTo(2_001 * MS);
    assertThat(result.latencyUs().getTotalCount()).isEqualTo(10);
    // Request 9, due at 9 ms, had waited 1,992 ms when its turn came.
    assertThat(result.latencyUs().getMinNonZeroValue())
        .isEqualTo(result.latencyUs().lowestEquivalentValue(100));
    assertThat(values(result.latencyUs()))
        .contains(
            result.latencyUs().lowestEquivalentValue(1_992_000),
            result.latencyUs().lowestEquivalentValue(1_999_000));
  }

  @Test
  void sharesTheScheduleAmongSendersOnTheSystemClock() throws InterruptedException {
    List<ScriptedSender> senders = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      senders.add(new ScriptedSender(Map.of()));
    }
    Schedule schedule = new Schedule(2_000, Duration.ofMillis(100));

    OpenLoopResult result = new OpenLoop(schedule, Clock.SYSTEM).run(senders);

    assertThat(result.responses()).isEqualTo(200);
    assertThat(senders.stream().mapToLong(s -> s.sentAt.size()).sum()).isEqualTo(200);
    assertThat(result.errors()).isZero();
  }

  private static List<Long> values(Histogram histogram) {
    List<Long> values = new ArrayList<>();
    for (var v : histogram.recordedValues()) {
      for (long i = 0; i < v.getCountAtValueIteratedTo(); i++) {
        values.add(histogram.lowestEquivalentValue(v.getValueIteratedTo()));
      }
    }
    return values;
  }

  /**
   * Answers each request after 100 µs of the fake clock, or after the time SLOW gives its index (on
   * the system clock, at once), with 200 unless told otherwise.
   */
  private final class ScriptedSender implements Sender {
    final List<Long> sentAt = new ArrayList<>();
    final Map<Long, Long> slow;
    long failsAt = -1;
    Map<Long, Integer> statuses = Map.of();

    ScriptedSender(Map<Long, Long> slow) {
      this.slow = slow;
    }

    @Override
    public int send(long index) throws IOException {
      sentAt.add(clock.nanoTime());
      clock.advance(slow.getOrDefault(index, 100 * US));
      if (index == failsAt) {
        throw new IOException("connection reset");
      }
      return statuses.getOrDefault(index, 200);
    }

    @Override
    public void close() {}
  }
}
