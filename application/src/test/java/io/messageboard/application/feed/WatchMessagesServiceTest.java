package io.messageboard.application.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.domain.failure.FeedBusyException;
import io.messageboard.domain.feed.FeedSubscription;
import io.messageboard.domain.feed.FeedSubscription.Delivery;
import io.messageboard.domain.feed.FeedSubscription.Reason;
import io.messageboard.domain.feed.MessageEvent;
import io.messageboard.domain.port.out.FeedMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

class WatchMessagesServiceTest {

  private static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");
  private static final Duration NO_WAIT = Duration.ZERO;

  private final ListEventLog log = new ListEventLog();
  private final List<Duration> lags = new ArrayList<>();
  private int dropped;
  private IntSupplier openSubscriptions = () -> -1;
  private final FeedMetrics metrics =
      new FeedMetrics() {
        @Override
        public void openSubscriptions(IntSupplier count) {
          openSubscriptions = count;
        }

        @Override
        public void eventSent(Duration lag) {
          lags.add(lag);
        }

        @Override
        public void eventsDropped(int count) {
          dropped += count;
        }
      };

  private WatchMessagesService feed(int maxSubscriptions, int buffered) {
    return new WatchMessagesService(
        log,
        new FeedSettings(maxSubscriptions, buffered, Duration.ofHours(1)),
        metrics,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static List<Long> positions(FeedSubscription subscription, int count)
      throws InterruptedException {
    List<Long> positions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Delivery delivery = subscription.next(Duration.ofSeconds(1));
      assertThat(delivery).isInstanceOf(Delivery.Event.class);
      positions.add(((Delivery.Event) delivery).event().position());
    }
    return positions;
  }

  @Test
  void aSubscriptionFromNowGetsTheChangesAfterItInOrderEachOnce() throws Exception {
    WatchMessagesService feed = feed(10, 100);
    log.append(NOW);
    FeedSubscription subscription = feed.watch(OptionalLong.empty());
    log.append(NOW);
    log.append(NOW);
    feed.pump();
    feed.pump();

    assertThat(positions(subscription, 2)).containsExactly(2L, 3L);
    assertThat(subscription.next(NO_WAIT)).isInstanceOf(Delivery.Idle.class);
  }

  @Test
  void aPumpRoundHandsOutWhatWasPositionedSinceTheLastAndSaysHowMany() {
    WatchMessagesService feed = feed(10, 100);
    feed.watch(OptionalLong.empty());
    log.append(NOW);
    log.append(NOW);
    log.append(NOW);

    assertThat(feed.pump()).isEqualTo(3);
    assertThat(feed.pump()).isZero();
  }

  @Test
  void theOpenSubscriptionsGaugeCountsTheReadersServedNow() {
    WatchMessagesService feed = feed(10, 100);
    FeedSubscription first = feed.watch(OptionalLong.empty());
    feed.watch(OptionalLong.empty());

    assertThat(openSubscriptions.getAsInt()).isEqualTo(2);
    first.close();
    assertThat(openSubscriptions.getAsInt()).isEqualTo(1);
  }

  @Test
  void theSmallestFeedServesOneReaderWithRoomForOneEvent() {
    assertThat(new FeedSettings(1, 1, Duration.ofMinutes(1)).bufferedEvents()).isEqualTo(1);
    assertThatThrownBy(() -> new FeedSettings(0, 1, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FeedSettings(1, 0, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSubscriptionResumesAfterTheGivenPositionFromTheLog() throws Exception {
    WatchMessagesService feed = feed(10, 100);
    for (int i = 0; i < 4; i++) {
      log.append(NOW);
    }
    feed.pump();
    FeedSubscription subscription = feed.watch(OptionalLong.of(1));

    assertThat(positions(subscription, 3)).containsExactly(2L, 3L, 4L);
  }

  @Test
  void aPositionTheLogNoLongerHoldsGetsAResetThenTheChangesFromNowOn() throws Exception {
    WatchMessagesService feed = feed(10, 100);
    log.append(NOW.minus(Duration.ofHours(2)));
    log.append(NOW.minus(Duration.ofHours(2)));
    log.append(NOW);
    assertThat(feed.purge()).isEqualTo(2);
    FeedSubscription subscription = feed.watch(OptionalLong.of(1));
    log.append(NOW);
    feed.pump();

    assertThat(subscription.next(NO_WAIT))
        .isInstanceOfSatisfying(
            Delivery.Reset.class, reset -> assertThat(reset.bounds().firstKept()).isEqualTo(3));
    assertThat(positions(subscription, 1)).containsExactly(4L);
  }

  @Test
  void aPositionFromAnotherLogAheadOfThisOneGetsAReset() throws Exception {
    WatchMessagesService feed = feed(10, 100);
    log.append(NOW);

    assertThat(feed.watch(OptionalLong.of(99)).next(NO_WAIT)).isInstanceOf(Delivery.Reset.class);
  }

  @Test
  void aReaderThatFallsBehindItsBufferIsClosedAndTheOthersGoOn() throws Exception {
    WatchMessagesService feed = feed(10, 2);
    FeedSubscription slow = feed.watch(OptionalLong.empty());
    FeedSubscription keeping = feed.watch(OptionalLong.empty());
    for (int round = 0; round < 3; round++) {
      log.append(NOW);
      feed.pump();
      assertThat(positions(keeping, 1)).containsExactly(round + 1L);
    }

    assertThat(slow.next(NO_WAIT)).isEqualTo(new Delivery.Closed(Reason.TOO_SLOW));
    assertThat(dropped).isEqualTo(3);
    assertThat(feed.subscriptionCount()).isEqualTo(1);
  }

  @Test
  void eventsOfferedPastAGapAreReadFromTheLogInstead() throws Exception {
    WatchMessagesService feed = feed(10, 100);
    FeedSubscription subscription = feed.watch(OptionalLong.empty());
    assertThat(subscription.next(NO_WAIT)).isInstanceOf(Delivery.Idle.class);
    log.append(NOW);
    log.append(NOW);
    // As if the pump had handed position 1 out before this subscription was listed.
    ((Subscription) subscription).offer(log.after(1, 10));
    int readsBefore = log.reads;

    assertThat(positions(subscription, 2)).containsExactly(1L, 2L);
    assertThat(log.reads).isGreaterThan(readsBefore);
  }

  @Test
  void theFeedRefusesSubscriptionsBeyondItsLimitAndTakesOneAgainWhenOneCloses() {
    WatchMessagesService feed = feed(1, 10);
    FeedSubscription only = feed.watch(OptionalLong.empty());

    assertThatThrownBy(() -> feed.watch(OptionalLong.empty()))
        .isInstanceOf(FeedBusyException.class);
    only.close();
    assertThat(feed.watch(OptionalLong.empty())).isNotNull();
  }

  @Test
  void closingTheFeedEndsEverySubscriptionAsDrainingAndRefusesNewOnes() throws Exception {
    WatchMessagesService feed = feed(10, 10);
    FeedSubscription subscription = feed.watch(OptionalLong.empty());

    feed.close();

    assertThat(subscription.next(Duration.ofSeconds(5)))
        .isEqualTo(new Delivery.Closed(Reason.DRAINING));
    assertThatThrownBy(() -> feed.watch(OptionalLong.empty()))
        .isInstanceOf(FeedBusyException.class);
  }

  @Test
  void aWaitingReaderIsWokenWhenItsSubscriptionEnds() throws Exception {
    WatchMessagesService feed = feed(10, 10);
    FeedSubscription subscription = feed.watch(OptionalLong.empty());
    subscription.next(NO_WAIT);
    Thread closer =
        new Thread(
            () -> {
              try {
                Thread.sleep(100);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              feed.close();
            });
    closer.start();
    long started = System.nanoTime();

    Delivery delivery = subscription.next(Duration.ofSeconds(30));

    assertThat(delivery).isEqualTo(new Delivery.Closed(Reason.DRAINING));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    closer.join();
  }

  @Test
  void eachEventHandedOutCountsItsLagFromItsRecord() throws Exception {
    WatchMessagesService feed = feed(10, 10);
    FeedSubscription subscription = feed.watch(OptionalLong.empty());
    MessageEvent event = log.append(NOW.minusMillis(250));
    feed.pump();

    positions(subscription, 1);

    assertThat(event.position()).isEqualTo(1);
    assertThat(lags).containsExactly(Duration.ofMillis(250));
  }
}
