package io.messageboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The legacy API over a working store: the original system's paths, bodies and texts. */
class LegacyRoutesTest {

  private final MapBackedUseCases store = new MapBackedUseCases();
  private final StubbedApi api = new StubbedApi(store.stubs(StubbedApi.REPLICA));
  private final ApiClient client = api.client();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void theRootGreetsFromThisReplica() {
    ApiResponse response = client.get("/");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("Message").asText()).startsWith("Hello from stub-replica.");
  }

  @Test
  void postingNeedsAClidAndAddsTheMessage() {
    ApiResponse added = client.post("/data", "{\"clid\": 5, \"mess\": \"five\"}");
    ApiResponse withoutClid = client.post("/data", "{\"mess\": \"none\"}");

    assertThat(added.status()).isEqualTo(201);
    assertThat(added.text()).isEqualTo("{\"message\":\"Message added successfully\"}");
    assertThat(withoutClid.status()).isEqualTo(400);
    assertThat(withoutClid.json().path("message").asText())
        .isEqualTo("Invalid format. Must include only 'clid' and 'mess'");
    assertThat(client.get("/data/5").text()).isEqualTo("[[5,\"five\",\"stub-replica\"]]");
  }

  @Test
  void listsEveryRowAsIdTextAndReplica() {
    client.post("/data", "{\"clid\": 2, \"mess\": \"two\"}");
    client.post("/data", "{\"clid\": 1, \"mess\": \"one 😀\"}");

    ApiResponse response = client.get("/data");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text())
        .isEqualTo("[[1,\"one 😀\",\"stub-replica\"],[2,\"two\",\"stub-replica\"]]");
  }

  @Test
  void anEmptyStoreListsAnEmptyArray() {
    assertThat(client.get("/data").text()).isEqualTo("[]");
  }

  @Test
  void editingAndDeletingAnswerTheOriginalTexts() {
    client.post("/data", "{\"clid\": 1, \"mess\": \"one\"}");

    ApiResponse edited = client.put("/data/1", "{\"mess\": \"uno\"}");
    ApiResponse deleted = client.delete("/data/1");

    assertThat(edited.text()).isEqualTo("{\"message\":\"Data updated successfully\"}");
    assertThat(deleted.text()).isEqualTo("{\"message\":\"Data deleted successfully\"}");
    assertThat(client.get("/data/1").status()).isEqualTo(404);
  }

  @Test
  void failuresAnswerInTheOriginalShapeWithRealStatuses() {
    client.post("/data", "{\"clid\": 1, \"mess\": \"one\"}");

    ApiResponse duplicate = client.post("/data", "{\"clid\": 1, \"mess\": \"again\"}");
    ApiResponse missing = client.put("/data/2", "{\"mess\": \"x\"}");
    ApiResponse badId = client.get("/data/one");
    ApiResponse blank = client.put("/data/1", "{\"mess\": \" \"}");

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.text()).isEqualTo("{\"error\":\"Integrity error, duplicated ID\"}");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.text()).isEqualTo("{\"error\":\"No rows updated, ID not found\"}");
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.json().path("message").asText()).startsWith("Invalid ID.");
    assertThat(blank.status()).as("a broken rule is a plain 400 here").isEqualTo(400);
    assertThat(blank.json().path("message").asText())
        .isEqualTo("Invalid format. Must include only 'mess'");
  }
}
