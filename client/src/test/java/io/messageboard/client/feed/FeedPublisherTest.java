package io.messageboard.client.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.messageboard.client.testing.LiveBoard;
import io.messageboard.client.testing.ValidatingHttpClient;
import io.messageboard.domain.command.PostMessageCommand;
import io.messageboard.domain.failure.FeedBusyException;
import io.messageboard.domain.feed.FeedBounds;
import io.messageboard.domain.feed.MessageEvent;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessageText;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The feed as a Reactive Streams publisher, against the real service in-process. */
class FeedPublisherTest {

  private static final Duration QUIET = Duration.ofMillis(300);

  private final ValidatingHttpClient http = ValidatingHttpClient.overDefault();
  private final LiveBoard live = RemoteFeedTest.board(16);

  @AfterEach
  void stopAndCheckTheContract() {
    RemoteFeedTest.stopWhenNoStreamIsLeft(live);
    assertThat(http.violations()).isEmpty();
  }

  @Test
  void signalsNoMoreEventsThanRequested() {
    post("one");
    post("two");
    post("three");
    RecordingSubscriber subscriber = new RecordingSubscriber(2);

    publisher(FeedSettings.DEFAULT).subscribe(subscriber);

    await().atMost(Deliveries.PATIENCE).until(() -> subscriber.events().size() == 2);
    await()
        .during(QUIET)
        .atMost(QUIET.multipliedBy(3))
        .until(() -> subscriber.events().size() == 2);
    subscriber.subscription().request(1);
    await().atMost(Deliveries.PATIENCE).until(() -> subscriber.events().size() == 3);
    assertThat(subscriber.events()).extracting(MessageEvent::position).containsExactly(1L, 2L, 3L);
    subscriber.subscription().cancel();
  }

  @Test
  void cancelStopsTheSignalsAndClosesTheStream() {
    RecordingSubscriber subscriber = new RecordingSubscriber(Long.MAX_VALUE);
    publisher(FeedSettings.DEFAULT).subscribe(subscriber);
    post("one");
    await().atMost(Deliveries.PATIENCE).until(() -> subscriber.events().size() == 1);

    subscriber.subscription().cancel();
    post("two");

    await()
        .during(QUIET)
        .atMost(QUIET.multipliedBy(3))
        .until(() -> subscriber.events().size() == 1);
    await().atMost(Deliveries.PATIENCE).until(() -> live.feed().subscriptionCount() == 0);
    assertThat(subscriber.error()).isNull();
    assertThat(subscriber.completed()).isFalse();
  }

  @Test
  void endsWithFeedResetExceptionWhenThePositionIsNotHeld() {
    RecordingSubscriber subscriber = new RecordingSubscriber(1);

    new RemoteFeed(http, eventsUri(), FeedSettings.DEFAULT)
        .publisher(OptionalLong.of(999_999))
        .subscribe(subscriber);

    await().atMost(Deliveries.PATIENCE).until(() -> subscriber.error() != null);
    assertThat(subscriber.error())
        .isInstanceOfSatisfying(
            FeedResetException.class,
            reset -> assertThat(reset.bounds()).isEqualTo(new FeedBounds(1, 0)));
    assertThat(subscriber.events()).isEmpty();
  }

  @Test
  void endsWithTheFailureWhenTheFeedStaysBusyPastTheDeadline() {
    live.feed().close();
    RecordingSubscriber subscriber = new RecordingSubscriber(1);

    publisher(
            new FeedSettings(
                Duration.ofMillis(200),
                Duration.ofSeconds(45),
                16,
                Duration.ofMillis(50),
                Duration.ofMillis(100)))
        .subscribe(subscriber);

    await().atMost(Deliveries.PATIENCE).until(() -> subscriber.error() != null);
    assertThat(subscriber.error()).isInstanceOf(FeedBusyException.class);
  }

  @Test
  void answersANonPositiveRequestWithIllegalArgumentException() {
    RecordingSubscriber subscriber = new RecordingSubscriber(0);
    publisher(FeedSettings.DEFAULT).subscribe(subscriber);
    await().atMost(Deliveries.PATIENCE).until(subscriber::subscribed);

    subscriber.subscription().request(0);

    await().atMost(Deliveries.PATIENCE).until(() -> subscriber.error() != null);
    assertThat(subscriber.error()).isInstanceOf(IllegalArgumentException.class);
  }

  private Flow.Publisher<MessageEvent> publisher(FeedSettings settings) {
    return new RemoteFeed(http, eventsUri(), settings).publisher(OptionalLong.of(0));
  }

  private URI eventsUri() {
    return URI.create(live.baseUri() + "/api/v1/messages/events");
  }

  private void post(String text) {
    live.board()
        .post()
        .post(new PostMessageCommand(Optional.<MessageId>empty(), new MessageText(text)));
  }
}
