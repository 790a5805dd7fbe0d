package io.messageboard.client.feed;

import static io.messageboard.client.feed.Deliveries.events;
import static io.messageboard.client.feed.Deliveries.nextBusy;
import static io.messageboard.client.feed.Deliveries.positions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.messageboard.client.testing.LiveBoard;
import io.messageboard.client.testing.ValidatingHttpClient;
import io.messageboard.domain.command.DeleteMessageCommand;
import io.messageboard.domain.command.EditMessageCommand;
import io.messageboard.domain.command.PostMessageCommand;
import io.messageboard.domain.failure.FeedBusyException;
import io.messageboard.domain.feed.FeedBounds;
import io.messageboard.domain.feed.FeedSubscription;
import io.messageboard.domain.feed.FeedSubscription.Delivery;
import io.messageboard.domain.feed.MessageEvent;
import io.messageboard.domain.feed.MessageEventKind;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessageText;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The feed client against the real service in-process; every exchange checked by the contract. */
class RemoteFeedTest {

  private static final String EVENTS = "/api/v1/messages/events";
  private static final FeedSettings QUICK =
      new FeedSettings(
          Duration.ofSeconds(10),
          Duration.ofSeconds(45),
          256,
          Duration.ofMillis(50),
          Duration.ofMillis(400));

  private final ValidatingHttpClient http = ValidatingHttpClient.overDefault();
  private LiveBoard live = board(16);

  @AfterEach
  void stopAndCheckTheContract() {
    stopWhenNoStreamIsLeft(live);
    assertThat(http.violations()).isEmpty();
  }

  @Test
  void deliversCreatedEditedAndDeletedInOrderWithTheirContent() throws InterruptedException {
    try (FeedSubscription subscription = feed(QUICK).watch(OptionalLong.of(0))) {
      Message posted = post("first");
      Message edited =
          live.board()
              .edit()
              .edit(
                  new EditMessageCommand(
                      posted.id(), new MessageText("second"), OptionalLong.empty()));
      live.board().delete().delete(new DeleteMessageCommand(posted.id(), OptionalLong.of(2)));

      List<MessageEvent> events = events(subscription, 3);

      assertThat(events)
          .extracting(MessageEvent::position, MessageEvent::kind, MessageEvent::version)
          .containsExactly(
              tuple(1L, MessageEventKind.CREATED, 1L),
              tuple(2L, MessageEventKind.EDITED, 2L),
              tuple(3L, MessageEventKind.DELETED, 2L));
      assertThat(events.get(0).message()).contains(posted);
      assertThat(events.get(1).message()).contains(edited);
      assertThat(events.get(2).messageId()).isEqualTo(posted.id());
      assertThat(events.get(2).message()).isEmpty();
    }
  }

  @Test
  void resumesAfterAPositionWithExactlyTheLaterEvents() throws InterruptedException {
    post("one");
    post("two");
    post("three");

    try (FeedSubscription subscription = feed(QUICK).watch(OptionalLong.of(1))) {
      assertThat(positions(events(subscription, 2))).containsExactly(2L, 3L);
      assertThat(subscription.next(Duration.ofMillis(300))).isEqualTo(new Delivery.Idle());
    }
  }

  @Test
  void fromNowDeliversOnlyTheChangesAfterTheStreamOpened() throws InterruptedException {
    post("before");
    await().atMost(Deliveries.PATIENCE).until(this::feedHasPositionedEverything);

    try (FeedSubscription subscription = feed(QUICK).watch(OptionalLong.empty())) {
      await().atMost(Deliveries.PATIENCE).until(() -> live.feed().subscriptionCount() == 1);
      post("after");

      assertThat(events(subscription, 1))
          .singleElement()
          .satisfies(event -> assertThat(event.position()).isEqualTo(2));
    }
  }

  @Test
  void resumesWithTheLastEventIdAfterTheConnectionIsCutMissingAndRepeatingNothing()
      throws Exception {
    try (CuttingProxy proxy = new CuttingProxy(live.baseUri());
        FeedSubscription subscription =
            new RemoteFeed(http, proxy.uri(EVENTS), QUICK).watch(OptionalLong.of(0))) {
      post("one");
      post("two");
      assertThat(positions(events(subscription, 2))).containsExactly(1L, 2L);

      proxy.cutAndRefuse();
      post("three, while the client is cut off");
      post("four, while the client is cut off");
      proxy.admit();

      assertThat(positions(events(subscription, 2))).containsExactly(3L, 4L);
      assertThat(subscription.next(Duration.ofMillis(300))).isEqualTo(new Delivery.Idle());
      assertThat(http.exchanges()).containsOnly("GET " + EVENTS + " 200").hasSize(2);
    }
  }

  @Test
  void answersAResetWhenResumingAfterAPositionTheFeedDoesNotHoldThenFollowsOn()
      throws InterruptedException {
    try (FeedSubscription subscription = feed(QUICK).watch(OptionalLong.of(999_999))) {
      assertThat(nextBusy(subscription)).isEqualTo(new Delivery.Reset(new FeedBounds(1, 0)));

      post("after the reset");

      assertThat(positions(events(subscription, 1))).containsExactly(1L);
    }
  }

  @Test
  void waitsForAFreeStreamWhileTheFeedIsBusyThenGetsIn() throws InterruptedException {
    live.close();
    live = board(1);
    FeedSubscription occupant = live.feed().watch(OptionalLong.empty());
    post("one");

    try (FeedSubscription subscription = feed(QUICK).watch(OptionalLong.of(0))) {
      await()
          .atMost(Deliveries.PATIENCE)
          .until(() -> http.exchanges().contains("GET " + EVENTS + " 503"));
      occupant.close();

      assertThat(positions(events(subscription, 1))).containsExactly(1L);
    }
  }

  @Test
  void endsWithFeedBusyWhenTheReplicaStopsAndRefusesPastTheDeadline() throws InterruptedException {
    FeedSettings shortDeadline =
        new FeedSettings(
            Duration.ofMillis(1500),
            Duration.ofSeconds(45),
            256,
            Duration.ofMillis(50),
            Duration.ofMillis(400));
    try (RemoteSubscription subscription = feed(shortDeadline).watch(OptionalLong.of(0))) {
      post("one");
      assertThat(positions(events(subscription, 1))).containsExactly(1L);

      live.feed().close();

      assertThat(nextBusy(subscription))
          .isEqualTo(new Delivery.Closed(FeedSubscription.Reason.DRAINING));
      assertThat(subscription.failure()).containsInstanceOf(FeedBusyException.class);
      assertThat(subscription.next(Duration.ZERO))
          .isEqualTo(new Delivery.Closed(FeedSubscription.Reason.DRAINING));
      assertThat(http.exchanges()).contains("GET " + EVENTS + " 503");
    }
  }

  @Test
  void closeEndsTheStreamPromptly() throws InterruptedException {
    RemoteSubscription subscription = feed(QUICK).watch(OptionalLong.of(0));
    await().atMost(Deliveries.PATIENCE).until(() -> live.feed().subscriptionCount() == 1);

    long started = System.nanoTime();
    subscription.close();
    Delivery after = subscription.next(Duration.ofSeconds(5));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    assertThat(after).isEqualTo(new Delivery.Closed(FeedSubscription.Reason.CLOSED));
    assertThat(subscription.failure()).isEmpty();
    // The service notices at its next heartbeat that the connection is gone.
    await().atMost(Deliveries.PATIENCE).until(() -> live.feed().subscriptionCount() == 0);
  }

  /**
   * The service with room for {@code maxStreams} streams, with a heartbeat every 100 ms so that it
   * notices a stream the client closed soon.
   */
  static LiveBoard board(int maxStreams) {
    return LiveBoard.withFeed(
        new io.messageboard.application.feed.FeedSettings(maxStreams, 1000, Duration.ofHours(1)),
        Duration.ofMillis(100));
  }

  /**
   * Stops {@code live} once it serves no stream: a stream whose handler ends while the server is
   * stopping can leave Javalin looping on the recycled request, logging without end.
   */
  static void stopWhenNoStreamIsLeft(LiveBoard live) {
    await().atMost(Deliveries.PATIENCE).until(() -> live.feed().subscriptionCount() == 0);
    live.close();
  }

  private RemoteFeed feed(FeedSettings settings) {
    return new RemoteFeed(http, URI.create(live.baseUri() + EVENTS), settings);
  }

  /**
   * Whether the service's "now" has passed every change so far: a subscription from now on it then
   * has nothing to catch up on.
   */
  private boolean feedHasPositionedEverything() throws InterruptedException {
    try (FeedSubscription probe = live.feed().watch(OptionalLong.empty())) {
      return probe.next(Duration.ZERO) instanceof Delivery.Idle;
    }
  }

  private Message post(String text) {
    return live.board()
        .post()
        .post(new PostMessageCommand(Optional.<MessageId>empty(), new MessageText(text)));
  }
}
