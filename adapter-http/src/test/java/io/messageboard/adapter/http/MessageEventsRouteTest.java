package io.messageboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.adapter.http.contract.EventStream;
import io.messageboard.domain.failure.FeedBusyException;
import io.messageboard.domain.feed.FeedBounds;
import io.messageboard.domain.feed.FeedSubscription;
import io.messageboard.domain.feed.FeedSubscription.Delivery;
import io.messageboard.domain.feed.FeedSubscription.Reason;
import io.messageboard.domain.feed.MessageEvent;
import io.messageboard.domain.feed.MessageEventKind;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.StoredMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The change feed's route over a scripted subscription: content negotiation, where a stream
 * resumes, what each delivery looks like on the wire, heartbeats, and a busy feed.
 */
class MessageEventsRouteTest {

  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Instant AT = Instant.parse("2026-12-07T05:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final UseCaseStubs stubs = UseCaseStubs.emptyStore();
  private final List<OptionalLong> watchedAfter = new CopyOnWriteArrayList<>();
  private final ScriptedSubscription subscription = new ScriptedSubscription();
  private final StubbedApi api = new StubbedApi(stubs);

  MessageEventsRouteTest() {
    stubs.watch =
        after -> {
          watchedAfter.add(after);
          return subscription;
        };
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private ApiResponse getEvents(String query, Map<String, String> headers) {
    return api.client().get("/api/v1/messages/events" + query, headers);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/event-stream",
        "TEXT/Event-Stream",
        "text/*",
        "application/json;q=0.9, text/event-stream;q=0.5",
        "text/event-stream; charset=utf-8"
      })
  void anAcceptThatNamesTheEventStreamGetsTheStream(String accept) throws Exception {
    subscription.script(new Delivery.Closed(Reason.DRAINING));

    try (EventStream stream = EventStream.open(api.baseUrl(), Map.of("Accept", accept))) {
      assertThat(stream.response().statusCode()).isEqualTo(200);
      assertThat(stream.response().headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
      assertThat(stream.endsWithin(WAIT)).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "text/event-stream;q=0",
        "text/event-stream;q=zero",
        "*/*",
        "text/html, application/xml"
      })
  void anAcceptWithoutTheEventStreamIsRefusedWith406AndNoSubscription(String accept) {
    ApiResponse refused = getEvents("", Map.of("Accept", accept));

    assertThat(refused.status()).isEqualTo(406);
    assertThat(refused.json().get("type").asText())
        .isEqualTo("urn:messageboard:problem:not-acceptable");
    assertThat(watchedAfter).isEmpty();
  }

  @Test
  void aRequestWithoutAcceptIsRefusedWith406() {
    assertThat(getEvents("", Map.of()).status()).isEqualTo(406);
  }

  @Test
  void theStreamStartsFromNowWithoutALastEventId() throws Exception {
    subscription.script(new Delivery.Closed(Reason.DRAINING));

    openUntilEnd("");

    assertThat(watchedAfter).containsExactly(OptionalLong.empty());
  }

  @Test
  void theLastEventIdHeaderResumesAfterItAndWinsOverTheQueryParameter() throws Exception {
    subscription.script(new Delivery.Closed(Reason.DRAINING));

    openUntilEnd("?lastEventId=9", Map.of("Last-Event-ID", "7"));

    assertThat(watchedAfter).containsExactly(OptionalLong.of(7));
  }

  @Test
  void theLastEventIdQueryParameterResumesForClientsThatCannotSetHeaders() throws Exception {
    subscription.script(new Delivery.Closed(Reason.DRAINING));

    openUntilEnd("?lastEventId=0", Map.of());

    assertThat(watchedAfter).containsExactly(OptionalLong.of(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-1", "01", "1.5", "1234567890123456789"})
  void aMalformedLastEventIdIsRefusedWith400AndNoSubscription(String id) {
    ApiResponse refused = getEvents("", Map.of("Accept", "text/event-stream", "Last-Event-ID", id));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text()).contains("Last-Event-ID");
    assertThat(watchedAfter).isEmpty();
  }

  @Test
  void aMalformedLastEventIdParameterIsNamedInThe400() {
    ApiResponse refused = getEvents("?lastEventId=x", Map.of("Accept", "text/event-stream"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text()).contains("lastEventId");
  }

  @Test
  void eachChangeIsAnEventNamedAfterItsKindWithItsPositionAsIdAndTheMessageAsData()
      throws Exception {
    var message = StoredMessages.restore(new MessageId(5), "hello", "app-2", AT, AT, 2);
    subscription.script(
        new Delivery.Event(MessageEvent.of(11, MessageEventKind.CREATED, message, AT)),
        new Delivery.Event(MessageEvent.of(12, MessageEventKind.EDITED, message, AT)),
        new Delivery.Event(MessageEvent.deleted(13, new MessageId(5), 2, AT)),
        new Delivery.Closed(Reason.DRAINING));

    try (EventStream stream = open("", Map.of())) {
      EventStream.Event created = nextEvent(stream);
      EventStream.Event edited = nextEvent(stream);
      EventStream.Event deleted = nextEvent(stream);

      assertThat(List.of(created.id(), created.type())).containsExactly("11", "created");
      assertThat(List.of(edited.id(), edited.type())).containsExactly("12", "edited");
      assertThat(List.of(deleted.id(), deleted.type())).containsExactly("13", "deleted");
      JsonNode shown = JSON.readTree(created.data());
      assertThat(shown.get("id").asLong()).isEqualTo(5);
      assertThat(shown.get("text").asText()).isEqualTo("hello");
      assertThat(shown.get("version").asLong()).isEqualTo(2);
      JsonNode gone = JSON.readTree(deleted.data());
      assertThat(gone.get("id").asLong()).isEqualTo(5);
      assertThat(gone.get("version").asLong()).isEqualTo(2);
      assertThat(gone.has("text")).isFalse();
      assertThat(stream.endsWithin(WAIT)).as("the stream ends with its subscription").isTrue();
    }
    assertThat(subscription.closed).isTrue();
  }

  @Test
  void aResetTellsTheClientToReReadAndCarriesTheLastPositionAsItsId() throws Exception {
    subscription.script(
        new Delivery.Reset(new FeedBounds(40, 57)), new Delivery.Closed(Reason.DRAINING));

    try (EventStream stream = open("", Map.of("Last-Event-ID", "3"))) {
      EventStream.Event reset = nextEvent(stream);

      assertThat(List.of(reset.id(), reset.type())).containsExactly("57", "reset");
      JsonNode data = JSON.readTree(reset.data());
      assertThat(data.get("firstKept").asLong()).isEqualTo(40);
      assertThat(data.get("last").asLong()).isEqualTo(57);
      assertThat(data.get("detail").asText()).contains("read the messages again");
    }
  }

  @Test
  void anIdleStreamGetsAHeartbeatComment() throws Exception {
    subscription.script(new Delivery.Idle());

    try (EventStream stream = open("", Map.of())) {
      EventStream.Event comment = Objects.requireNonNull(stream.next(WAIT), "a heartbeat");

      assertThat(List.of(comment.type(), comment.data())).containsExactly(":comment", "heartbeat");
    }
  }

  @Test
  void aClientThatHangsUpClosesItsSubscription() throws Exception {
    try (EventStream stream = open("", Map.of())) {
      assertThat(stream.next(WAIT)).as("a heartbeat").isNotNull();
    }

    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!subscription.closed && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(subscription.closed).isTrue();
  }

  @Test
  void aBusyFeedIs503WithRetryAfterAndAProblem() {
    stubs.watch =
        after -> {
          throw new FeedBusyException(3);
        };

    ApiResponse busy = getEvents("", Map.of("Accept", "text/event-stream"));

    assertThat(busy.status()).isEqualTo(503);
    assertThat(busy.header("Retry-After")).contains("1");
    assertThat(busy.json().get("type").asText()).isEqualTo("urn:messageboard:problem:feed-busy");
  }

  private static EventStream.Event nextEvent(EventStream stream) throws InterruptedException {
    return Objects.requireNonNull(stream.nextEvent(WAIT), "an event within " + WAIT);
  }

  private EventStream open(String query, Map<String, String> headers) {
    EventStream stream = EventStream.open(api.baseUrl(), query, headers);
    assertThat(stream.response().statusCode()).isEqualTo(200);
    return stream;
  }

  private void openUntilEnd(String query) throws Exception {
    openUntilEnd(query, Map.of());
  }

  private void openUntilEnd(String query, Map<String, String> headers) throws Exception {
    try (EventStream stream = open(query, headers)) {
      assertThat(stream.endsWithin(WAIT)).isTrue();
    }
  }

  /** Hands out the scripted deliveries in order, then nothing but idles (each after its wait). */
  private static final class ScriptedSubscription implements FeedSubscription {

    private final BlockingQueue<Delivery> script = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    void script(Delivery... deliveries) {
      script.addAll(List.of(deliveries));
    }

    @Override
    public Delivery next(Duration wait) throws InterruptedException {
      Delivery next = script.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
      return next == null ? new Delivery.Idle() : next;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
