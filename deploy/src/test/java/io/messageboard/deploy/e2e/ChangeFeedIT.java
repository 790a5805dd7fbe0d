package io.messageboard.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.adapter.http.contract.EventStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The change feed on the stack: a write through each replica reaches listeners on every replica
 * (or, where the replicas are not reachable one by one, several listeners through nginx), each
 * event once and all in the same order; the lag from the message's creation to its arrival is
 * printed.
 */
class ChangeFeedIT {

  private static final StackUnderTest STACK = StackUnderTest.fromSystemProperties();
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> listenerUrls() {
    return STACK.replicaUrls().isEmpty()
        ? List.of(STACK.baseUrl(), STACK.baseUrl(), STACK.baseUrl(), STACK.baseUrl())
        : STACK.replicaUrls();
  }

  private static List<String> writerUrls() {
    return STACK.replicaUrls().isEmpty() ? List.of(STACK.baseUrl()) : STACK.replicaUrls();
  }

  @Test
  void aWriteThroughEachReplicaReachesListenersOnEveryReplicaOnceAndInOneOrder() throws Exception {
    String run = UUID.randomUUID().toString();
    List<EventStream> listeners = new ArrayList<>();
    try {
      for (String url : listenerUrls()) {
        EventStream listener = EventStream.open(url, Map.of());
        assertThat(listener.response().statusCode()).as(url).isEqualTo(200);
        listeners.add(listener);
      }
      List<Long> posted = new ArrayList<>();
      for (String writer : writerUrls()) {
        ApiResponse created =
            STACK
                .client(writer)
                .post("/api/v1/messages", "{\"text\": \"feed " + run + " via " + writer + "\"}");
        assertThat(created.status()).as(writer).isEqualTo(201);
        posted.add(created.json().get("id").asLong());
      }

      List<List<Long>> seenByListener = new ArrayList<>();
      List<Duration> lags = new ArrayList<>();
      for (EventStream listener : listeners) {
        List<Long> ids = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        // Other tests may write meanwhile: read until this run's writes are in, and no longer.
        while (!ids.containsAll(posted)) {
          EventStream.Arrival arrival = listener.nextArrival(WAIT);
          assertThat(arrival).as("an event within %s; this run's so far %s", WAIT, ids).isNotNull();
          JsonNode data = JSON.readTree(arrival.event().data());
          positions.add(Long.parseLong(arrival.event().id()));
          if (arrival.event().type().equals("created")
              && data.get("text").asText().startsWith("feed " + run)) {
            ids.add(data.get("id").asLong());
            lags.add(Duration.between(Instant.parse(data.get("createdAt").asText()), arrival.at()));
          }
        }
        assertThat(positions)
            .as("positions, each once and increasing")
            .isSorted()
            .doesNotHaveDuplicates();
        assertThat(ids).containsExactlyInAnyOrderElementsOf(posted);
        seenByListener.add(ids);
      }
      assertThat(seenByListener)
          .allSatisfy(order -> assertThat(order).isEqualTo(seenByListener.get(0)));
      lags.sort(Comparator.naturalOrder());
      System.out.printf(
          "[feed] %d writes through %d replicas to %d listeners: lag from creation to arrival"
              + " median %d ms, max %d ms%n",
          posted.size(),
          writerUrls().size(),
          listeners.size(),
          lags.get(lags.size() / 2).toMillis(),
          lags.get(lags.size() - 1).toMillis());
      for (long id : posted) {
        assertThat(STACK.client(STACK.baseUrl()).delete("/api/v1/messages/" + id).status())
            .isEqualTo(204);
      }
    } finally {
      for (EventStream listener : listeners) {
        listener.close();
      }
    }
  }

  @Test
  void aListenerThroughNginxResumesWithLastEventIdWithoutAGapOrARepeat() throws Exception {
    ApiClient nginx = STACK.client(STACK.baseUrl());
    String run = UUID.randomUUID().toString();
    String lastId;
    List<Long> positions = new ArrayList<>();
    try (EventStream first = EventStream.open(STACK.baseUrl(), Map.of())) {
      assertThat(nginx.post("/api/v1/messages", "{\"text\": \"resume " + run + " 1\"}").status())
          .isEqualTo(201);
      EventStream.Event event = first.nextEvent(WAIT);
      assertThat(event).isNotNull();
      lastId = event.id();
      positions.add(Long.parseLong(lastId));
    }
    assertThat(nginx.post("/api/v1/messages", "{\"text\": \"resume " + run + " 2\"}").status())
        .isEqualTo(201);
    try (EventStream resumed = EventStream.open(STACK.baseUrl(), Map.of("Last-Event-ID", lastId))) {
      EventStream.Event event = resumed.nextEvent(WAIT);
      assertThat(event).isNotNull();
      positions.add(Long.parseLong(event.id()));
    }

    assertThat(positions.get(1)).isEqualTo(positions.get(0) + 1);
  }

  @Test
  void aRequestThatDoesNotAcceptAnEventStreamIsRefusedWith406ThroughNginx() {
    ApiResponse refused =
        STACK
            .client(STACK.baseUrl())
            .get("/api/v1/messages/events", Map.of("Accept", "application/json"));

    assertThat(refused.status()).isEqualTo(406);
    assertThat(refused.header("Content-Type")).contains("application/problem+json");
  }
}
