package io.messageboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Version 1 of the API over a working store: statuses, headers and bodies of each route. */
class V1RoutesTest {

  private final MapBackedUseCases store = new MapBackedUseCases();
  private final StubbedApi api = new StubbedApi(store.stubs(StubbedApi.REPLICA));
  private final ApiClient client = api.client();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void postingCreatesTheMessageAndSaysWhereItIs() {
    ApiResponse response = client.post("/api/v1/messages", "{\"text\": \"hello\"}");

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.header("Location")).hasValue("/api/v1/messages/1");
    assertThat(response.header("ETag")).hasValue("\"1\"");
    JsonNode body = response.json();
    assertThat(body.path("id").asInt()).isEqualTo(1);
    assertThat(body.path("text").asText()).isEqualTo("hello");
    assertThat(body.path("replica").asText()).isEqualTo("stub-replica");
    assertThat(body.path("createdAt").asText()).isEqualTo("2026-02-03T04:05:06.789Z");
    assertThat(body.path("updatedAt").asText()).isEqualTo("2026-02-03T04:05:06.789Z");
    assertThat(body.path("version").asLong()).isEqualTo(1);
  }

  @Test
  void postingWithAnIdStoresTheMessageUnderThatId() {
    ApiResponse response = client.post("/api/v1/messages", "{\"id\": 42, \"text\": \"mine\"}");

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.header("Location")).hasValue("/api/v1/messages/42");
    assertThat(client.get("/api/v1/messages/42").json().path("text").asText()).isEqualTo("mine");
  }

  @Test
  void readingAnswersTheMessageWithItsTag() {
    client.post("/api/v1/messages", "{\"id\": 3, \"text\": \"three\"}");

    ApiResponse response = client.get("/api/v1/messages/3");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("ETag")).hasValue("\"1\"");
    assertThat(response.json().path("text").asText()).isEqualTo("three");
  }

  @Test
  void readingWithTheCurrentTagInIfNoneMatchAnswersNotModified() {
    client.post("/api/v1/messages", "{\"id\": 3, \"text\": \"three\"}");

    ApiResponse unchanged = client.get("/api/v1/messages/3", Map.of("If-None-Match", "\"1\""));
    ApiResponse changed = client.get("/api/v1/messages/3", Map.of("If-None-Match", "\"9\""));

    assertThat(unchanged.status()).isEqualTo(304);
    assertThat(unchanged.header("ETag")).hasValue("\"1\"");
    assertThat(unchanged.body()).isEmpty();
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.json().path("text").asText()).isEqualTo("three");
  }

  @Test
  void readingAMissingMessageIsAMessageNotFoundProblem() {
    ApiResponse response = client.get("/api/v1/messages/9");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().path("type").asText())
        .isEqualTo("urn:messageboard:problem:message-not-found");
    assertThat(response.json().path("detail").asText()).isEqualTo("No message with id 9");
  }

  @Test
  void editingAtTheCurrentTagAnswersTheNextVersion() {
    client.post("/api/v1/messages", "{\"id\": 3, \"text\": \"three\"}");

    ApiResponse response = client.put("/api/v1/messages/3", "{\"text\": \"drei\"}", "\"1\"");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("ETag")).hasValue("\"2\"");
    assertThat(response.json().path("text").asText()).isEqualTo("drei");
    assertThat(response.json().path("version").asLong()).isEqualTo(2);
    assertThat(response.json().path("updatedAt").asText()).isEqualTo("2026-02-03T04:05:07.500Z");
  }

  @Test
  void editingAtAStaleTagIsAPreconditionFailureAndChangesNothing() {
    client.post("/api/v1/messages", "{\"id\": 3, \"text\": \"three\"}");
    client.put("/api/v1/messages/3", "{\"text\": \"drei\"}");

    ApiResponse response = client.put("/api/v1/messages/3", "{\"text\": \"tres\"}", "\"1\"");

    assertThat(response.status()).isEqualTo(412);
    assertThat(client.get("/api/v1/messages/3").json().path("text").asText()).isEqualTo("drei");
  }

  @Test
  void deletingAnswersNoContentAndTheMessageIsGone() {
    client.post("/api/v1/messages", "{\"id\": 3, \"text\": \"three\"}");

    assertThat(client.delete("/api/v1/messages/3", "\"2\"").status()).isEqualTo(412);
    assertThat(client.delete("/api/v1/messages/3", "\"1\"").status()).isEqualTo(204);
    assertThat(client.get("/api/v1/messages/3").status()).isEqualTo(404);
  }

  @Test
  void listingPagesThroughTheMessagesFollowingNext() {
    for (int id = 1; id <= 3; id++) {
      client.post("/api/v1/messages", "{\"text\": \"m" + id + "\"}");
    }

    JsonNode first = client.get("/api/v1/messages?limit=2").json();
    JsonNode second = client.get(first.path("next").asText()).json();

    assertThat(first.path("items"))
        .extracting(item -> item.path("id").asInt())
        .containsExactly(1, 2);
    assertThat(first.path("next").asText()).isEqualTo("/api/v1/messages?limit=2&after=2");
    assertThat(second.path("items"))
        .extracting(item -> item.path("text").asText())
        .containsExactly("m3");
    assertThat(second.path("next").isNull()).isTrue();
  }

  @Test
  void listingWithoutParametersAsksForTheFirstFiftyMessages() {
    assertThat(client.get("/api/v1/messages").status()).isEqualTo(200);

    assertThat(store.pageRequests).hasSize(1);
    assertThat(store.pageRequests.get(0).limit()).isEqualTo(50);
    assertThat(store.pageRequests.get(0).after()).isEmpty();
  }

  @Test
  void listingPassesTheLimitAndTheStartingIdOn() {
    assertThat(client.get("/api/v1/messages?limit=500&after=-3").status()).isEqualTo(200);

    assertThat(store.pageRequests.get(0).limit()).isEqualTo(500);
    assertThat(store.pageRequests.get(0).after())
        .hasValueSatisfying(after -> assertThat(after.value()).isEqualTo(-3));
  }
}
