package io.messageboard.client.feed;

import static io.messageboard.client.feed.Deliveries.events;
import static io.messageboard.client.feed.Deliveries.nextBusy;
import static io.messageboard.client.feed.Deliveries.positions;
import static io.messageboard.client.feed.FakeFeedServer.created;
import static io.messageboard.client.feed.FakeFeedServer.stream;
import static io.messageboard.client.feed.FakeFeedServer.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.Headers;
import io.messageboard.client.wire.MalformedResponseException;
import io.messageboard.domain.failure.InvalidInputException;
import io.messageboard.domain.failure.StorageUnavailableException;
import io.messageboard.domain.feed.FeedSubscription.Delivery;
import io.messageboard.domain.feed.FeedSubscription.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The feed client against a server that fails it on purpose. */
class RemoteFeedRecoveryTest {

  private static final FeedSettings QUICK =
      new FeedSettings(
          Duration.ofSeconds(10),
          Duration.ofMillis(500),
          256,
          Duration.ofMillis(20),
          Duration.ofMillis(100));

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void reconnectsAfterTheLastPositionWhenTheStreamFallsSilentForTheHeartbeatTimeout()
      throws Exception {
    try (FakeFeedServer server =
            new FakeFeedServer(
                (exchange, attempt) -> {
                  OutputStream out = stream(exchange);
                  write(out, created(attempt, attempt));
                  FakeFeedServer.silence();
                });
        RemoteSubscription subscription = feedOf(server).watch(OptionalLong.of(0))) {
      assertThat(positions(events(subscription, 2))).containsExactly(1L, 2L);

      assertThat(server.requests()).hasSizeGreaterThanOrEqualTo(2);
      assertThat(lastEventId(server.requests().get(0).getRequestHeaders())).isEqualTo("0");
      assertThat(lastEventId(server.requests().get(1).getRequestHeaders())).isEqualTo("1");
    }
  }

  @Test
  void dropsWhatAResumedStreamRepeatsAtOrBelowTheLastPositionDelivered() throws Exception {
    try (FakeFeedServer server =
            new FakeFeedServer(
                (exchange, attempt) -> {
                  OutputStream out = stream(exchange);
                  write(out, created(1, 1) + created(2, 2));
                  if (attempt > 1) {
                    write(out, created(3, 3));
                  }
                });
        RemoteSubscription subscription = feedOf(server).watch(OptionalLong.of(0))) {
      assertThat(positions(events(subscription, 3))).containsExactly(1L, 2L, 3L);
      assertThat(subscription.next(Duration.ofMillis(300))).isEqualTo(new Delivery.Idle());
    }
  }

  @Test
  void fromNowAsksForAPositionNeverGivenAndStartsWhereTheResetSaysWithoutHandingItOn()
      throws Exception {
    try (FakeFeedServer server =
            new FakeFeedServer(
                (exchange, attempt) -> write(stream(exchange), reset(1, 6) + created(7, 1)));
        RemoteSubscription subscription = feedOf(server).watch(OptionalLong.empty())) {
      assertThat(nextBusy(subscription)).isInstanceOf(Delivery.Event.class);

      Headers sent = server.requests().get(0).getRequestHeaders();
      assertThat(sent.getFirst("Accept")).isEqualTo("text/event-stream");
      assertThat(sent.getFirst("User-Agent")).isEqualTo("messageboard-client/1");
      assertThat(sent.containsKey("Authorization")).isFalse();
      assertThat(lastEventId(sent)).isEqualTo("999999999999999999");
    }
  }

  @Test
  void fromNowResumesFromWhereItStartedWhenTheFirstStreamDiesBeforeAnEvent() throws Exception {
    try (FakeFeedServer server =
            new FakeFeedServer(
                (exchange, attempt) -> {
                  OutputStream out = stream(exchange);
                  if (attempt == 1) {
                    write(out, reset(1, 6));
                  } else {
                    write(out, created(7, 1));
                    FakeFeedServer.silence();
                  }
                });
        RemoteSubscription subscription = feedOf(server).watch(OptionalLong.empty())) {
      assertThat(positions(events(subscription, 1))).containsExactly(7L);

      assertThat(lastEventId(server.requests().get(1).getRequestHeaders())).isEqualTo("6");
    }
  }

  private static String reset(long firstKept, long last) {
    return "event: reset\nid: %d\ndata: {\"detail\":\"d\",\"firstKept\":%d,\"last\":%d}\n\n"
        .formatted(last, firstKept, last);
  }

  @Test
  void aServiceThatClosesEveryStreamAtOnceIsGivenUpOnAtTheDeadline() throws Exception {
    FeedSettings shortDeadline =
        new FeedSettings(
            Duration.ofMillis(600),
            Duration.ofSeconds(1),
            256,
            Duration.ofMillis(20),
            Duration.ofMillis(100));
    try (FakeFeedServer server = new FakeFeedServer((exchange, attempt) -> stream(exchange));
        RemoteSubscription subscription =
            new RemoteFeed(http, server.eventsUri(), shortDeadline).watch(OptionalLong.of(0))) {
      assertThat(nextBusy(subscription)).isEqualTo(new Delivery.Closed(Reason.DRAINING));
      assertThat(subscription.failure()).containsInstanceOf(StorageUnavailableException.class);
      assertThat(server.requests()).hasSizeBetween(3, 30);
    }
  }

  @Test
  void endsWithTheDomainExceptionWhenTheServiceRefusesForGood() throws Exception {
    try (FakeFeedServer server =
            new FakeFeedServer(
                (exchange, attempt) -> FakeFeedServer.refuse(exchange, 400, "invalid-input"));
        RemoteSubscription subscription = feedOf(server).watch(OptionalLong.of(0))) {
      assertThat(nextBusy(subscription)).isEqualTo(new Delivery.Closed(Reason.DRAINING));
      assertThat(subscription.failure()).containsInstanceOf(InvalidInputException.class);
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void endsAsMalformedWhenTheServiceAnswersWithoutAnEventStream() throws Exception {
    try (FakeFeedServer server =
            new FakeFeedServer(
                (exchange, attempt) -> {
                  exchange.getResponseHeaders().set("Content-Type", "application/json");
                  exchange.sendResponseHeaders(200, 2);
                  exchange.getResponseBody().write("[]".getBytes(StandardCharsets.UTF_8));
                });
        RemoteSubscription subscription = feedOf(server).watch(OptionalLong.of(0))) {
      assertThat(nextBusy(subscription)).isEqualTo(new Delivery.Closed(Reason.DRAINING));
      assertThat(subscription.failure()).containsInstanceOf(MalformedResponseException.class);
    }
  }

  @Test
  void endsWithStorageUnavailableWhenNothingAnswersPastTheDeadline() throws Exception {
    FeedSettings shortDeadline =
        new FeedSettings(
            Duration.ofMillis(300),
            Duration.ofSeconds(1),
            256,
            Duration.ofMillis(20),
            Duration.ofMillis(100));
    try (RemoteSubscription subscription =
        new RemoteFeed(http, unusedPort(), shortDeadline).watch(OptionalLong.of(0))) {
      assertThat(nextBusy(subscription)).isEqualTo(new Delivery.Closed(Reason.DRAINING));
      assertThat(subscription.failure()).containsInstanceOf(StorageUnavailableException.class);
    }
  }

  @Test
  void closeStopsTheReadingThreadPromptlyEvenWhileTheServiceHoldsItsAnswer() throws Exception {
    FeedSettings patient =
        new FeedSettings(
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            256,
            Duration.ofMillis(20),
            Duration.ofMillis(100));
    Set<Thread> before = feedThreads();
    try (FakeFeedServer server =
        new FakeFeedServer((exchange, attempt) -> FakeFeedServer.silence())) {
      RemoteSubscription subscription =
          new RemoteFeed(http, server.eventsUri(), patient).watch(OptionalLong.of(0));
      await().atMost(Deliveries.PATIENCE).until(() -> server.requests().size() == 1);
      Set<Thread> reading = feedThreads();
      reading.removeAll(before);

      subscription.close();

      assertThat(reading).hasSize(1);
      await()
          .atMost(Duration.ofSeconds(1))
          .until(() -> reading.stream().noneMatch(Thread::isAlive));
      assertThat(subscription.next(Duration.ZERO)).isEqualTo(new Delivery.Closed(Reason.CLOSED));
    }
  }

  private static Set<Thread> feedThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().matches("messageboard-feed-[0-9]+"))
        .collect(Collectors.toCollection(HashSet::new));
  }

  private RemoteFeed feedOf(FakeFeedServer server) {
    return new RemoteFeed(http, server.eventsUri(), QUICK);
  }

  private static String lastEventId(Headers headers) {
    return headers.getFirst("Last-Event-ID");
  }

  private static URI unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + FakeFeedServer.PATH);
    }
  }
}
