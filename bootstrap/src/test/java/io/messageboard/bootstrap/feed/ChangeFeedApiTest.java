package io.messageboard.bootstrap.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.contract.EventStream;
import io.messageboard.bootstrap.Application;
import io.messageboard.bootstrap.config.TestSettings;
import io.messageboard.bootstrap.management.LoopbackHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The change feed through the API of a running replica on in-memory storage. */
class ChangeFeedApiTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final Application application =
      new Application(
              TestSettings.inMemory(
                  Map.of(
                      "MESSAGEBOARD_FEED_HEARTBEAT", "1s",
                      "MESSAGEBOARD_FEED_POLL_INTERVAL", "20ms",
                      "MESSAGEBOARD_FEED_MAX_STREAMS", "2")))
          .start();

  @AfterEach
  void stop() {
    application.stop();
  }

  private int port() {
    return application.httpPort();
  }

  private String base() {
    return "http://127.0.0.1:" + port();
  }

  @Test
  void aPostEditAndDeleteArriveAsCreatedEditedAndDeletedEventsInOrder() throws Exception {
    try (EventStream stream = EventStream.open(base(), Map.of())) {
      assertThat(stream.response().statusCode()).isEqualTo(200);
      assertThat(stream.response().headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
      LoopbackHttp.postJson(port(), "/data", "{\"clid\": 5, \"mess\": \"hello\"}");
      send("PUT", "/data/5", "{\"mess\": \"hello again\"}");
      send("DELETE", "/data/5", null);

      EventStream.Event created = stream.nextEvent(WAIT);
      EventStream.Event edited = stream.nextEvent(WAIT);
      EventStream.Event deleted = stream.nextEvent(WAIT);

      assertThat(created).isNotNull();
      assertThat(created.type()).isEqualTo("created");
      assertThat(created.id()).isEqualTo("1");
      assertThat(created.data()).contains("\"id\":5", "\"text\":\"hello\"", "\"version\":1");
      assertThat(edited).isNotNull();
      assertThat(edited.type()).isEqualTo("edited");
      assertThat(edited.id()).isEqualTo("2");
      assertThat(edited.data()).contains("\"text\":\"hello again\"", "\"version\":2");
      assertThat(deleted).isNotNull();
      assertThat(deleted.type()).isEqualTo("deleted");
      assertThat(deleted.id()).isEqualTo("3");
      assertThat(deleted.data()).isEqualTo("{\"id\":5,\"version\":2}");
    }
  }

  @Test
  void lastEventIdResumesAfterThatEventAndTheQueryParameterToo() throws Exception {
    for (int id = 1; id <= 3; id++) {
      LoopbackHttp.postJson(port(), "/data", "{\"clid\": " + id + ", \"mess\": \"m\"}");
    }
    try (EventStream byHeader = EventStream.open(base(), Map.of("Last-Event-ID", "1"))) {
      assertThat(byHeader.nextEvent(WAIT)).extracting(EventStream.Event::id).isEqualTo("2");
      assertThat(byHeader.nextEvent(WAIT)).extracting(EventStream.Event::id).isEqualTo("3");
    }
    try (EventStream byQuery = EventStream.open(base(), "?lastEventId=2", Map.of())) {
      assertThat(byQuery.nextEvent(WAIT)).extracting(EventStream.Event::id).isEqualTo("3");
    }
  }

  @Test
  void anIdTheFeedNeverGaveIsAnsweredWithAResetWhoseIdResumesFromNow() throws Exception {
    LoopbackHttp.postJson(port(), "/data", "{\"clid\": 1, \"mess\": \"m\"}");
    try (EventStream stream = EventStream.open(base(), Map.of("Last-Event-ID", "4000"))) {
      EventStream.Event reset = stream.nextEvent(WAIT);

      assertThat(reset).isNotNull();
      assertThat(reset.type()).isEqualTo("reset");
      assertThat(reset.id()).isEqualTo("1");
      assertThat(reset.data()).contains("\"firstKept\":1", "\"last\":1");
    }
  }

  @Test
  void anIdleStreamGetsAHeartbeatComment() throws Exception {
    try (EventStream stream = EventStream.open(base(), Map.of())) {
      EventStream.Event heartbeat = stream.next(WAIT);

      assertThat(heartbeat).isNotNull();
      assertThat(heartbeat.type()).isEqualTo(":comment");
    }
  }

  @Test
  void anotherAcceptIsRefusedWith406AndAProblem() throws Exception {
    HttpResponse<String> refused = LoopbackHttp.get(port(), "/api/v1/messages/events");

    assertThat(refused.statusCode()).isEqualTo(406);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(refused.body()).contains("text/event-stream");
  }

  @Test
  void aMalformedLastEventIdIsRefusedWith400() throws Exception {
    try (EventStream stream = EventStream.open(base(), Map.of("Last-Event-ID", "12abc"))) {
      assertThat(stream.response().statusCode()).isEqualTo(400);
    }
  }

  @Test
  void streamsBeyondTheLimitGet503WithRetryAfter() throws Exception {
    try (EventStream first = EventStream.open(base(), Map.of());
        EventStream second = EventStream.open(base(), Map.of());
        EventStream third = EventStream.open(base(), Map.of())) {
      assertThat(first.response().statusCode()).isEqualTo(200);
      assertThat(second.response().statusCode()).isEqualTo(200);
      assertThat(third.response().statusCode()).isEqualTo(503);
      assertThat(third.response().headers().firstValue("Retry-After")).isPresent();
    }
  }

  @Test
  void stoppingTheReplicaEndsItsStreams() throws Exception {
    try (EventStream stream = EventStream.open(base(), Map.of())) {
      assertThat(stream.next(WAIT)).isNotNull();

      application.stop();

      assertThat(stream.endsWithin(WAIT)).isTrue();
    }
  }

  private void send(String method, String path, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path));
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isLessThan(300);
  }
}
