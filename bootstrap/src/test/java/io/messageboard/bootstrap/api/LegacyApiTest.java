package io.messageboard.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LegacyApiTest {

  private final ApiServer server = ApiServer.inMemory();
  private final ApiClient client = server.client();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void greetsWithTheReplicaName() {
    ApiResponse hello = client.get("/");

    assertThat(hello.status()).isEqualTo(200);
    assertThat(hello.json().path("Message").asText()).startsWith("Hello from test-replica.");
    assertThat(hello.header("X-Served-By")).hasValue("test-replica");
  }

  @Test
  void addsAMessageAndListsItAsClidMessSid() {
    ApiResponse added =
        client.post("/data", "{\"clid\": 1, \"mess\": \"Hello world from messages table!\"}");

    assertThat(added.status()).isEqualTo(201);
    assertThat(added.text()).isEqualTo("{\"message\":\"Message added successfully\"}");
    assertThat(client.get("/data").text())
        .isEqualTo("[[1,\"Hello world from messages table!\",\"test-replica\"]]");
    assertThat(client.get("/data/1").text())
        .isEqualTo("[[1,\"Hello world from messages table!\",\"test-replica\"]]");
  }

  @Test
  void listsAllRowsInIdOrderAndAnEmptyTableAsAnEmptyArray() {
    assertThat(client.get("/data").text()).isEqualTo("[]");

    client.post("/data", "{\"clid\": 3, \"mess\": \"three\"}");
    client.post("/data", "{\"clid\": 1, \"mess\": \"one 😀\"}");

    assertThat(client.get("/data").text())
        .isEqualTo("[[1,\"one 😀\",\"test-replica\"],[3,\"three\",\"test-replica\"]]");
  }

  @Test
  void answersADuplicateIdWith409AndTheOriginalIntegrityError() {
    client.post("/data", "{\"clid\": 1, \"mess\": \"first\"}");

    ApiResponse duplicate = client.post("/data", "{\"clid\": 1, \"mess\": \"second\"}");

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.text()).isEqualTo("{\"error\":\"Integrity error, duplicated ID\"}");
    assertThat(client.get("/data/1").text()).contains("first");
  }

  @Test
  void refusesAnythingButClidAndMessWith400AndTheOriginalMessage() {
    for (String body :
        new String[] {
          "{\"mess\": \"no id\"}", "{\"clid\": 1}",
              "{\"clid\": 1, \"mess\": \"x\", \"sid\": \"y\"}",
          "{\"clid\": \"1\", \"mess\": \"x\"}", "{\"clid\": 1, \"mess\": \"\"}", "[]"
        }) {
      ApiResponse refused = client.post("/data", body);

      assertThat(refused.status()).as(body).isEqualTo(400);
      assertThat(refused.text())
          .as(body)
          .isEqualTo("{\"message\":\"Invalid format. Must include only 'clid' and 'mess'\"}");
    }
    assertThat(client.get("/data").text()).isEqualTo("[]");
  }

  @Test
  void updatesAndDeletesWithTheOriginalBodies() {
    client.post("/data", "{\"clid\": 1, \"mess\": \"before\"}");

    ApiResponse updated = client.put("/data/1", "{\"mess\": \"after\"}");
    ApiResponse deleted = client.delete("/data/1");

    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.text()).isEqualTo("{\"message\":\"Data updated successfully\"}");
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.text()).isEqualTo("{\"message\":\"Data deleted successfully\"}");
    assertThat(client.get("/data").text()).isEqualTo("[]");
  }

  @Test
  void answersUnknownIdsWith404AndTheOriginalBodies() {
    ApiResponse get = client.get("/data/7");
    ApiResponse put = client.put("/data/7", "{\"mess\": \"x\"}");
    ApiResponse delete = client.delete("/data/7");

    assertThat(get.status()).isEqualTo(404);
    assertThat(get.text()).isEqualTo("{\"message\":\"ID not found\"}");
    assertThat(put.status()).isEqualTo(404);
    assertThat(put.text()).isEqualTo("{\"error\":\"No rows updated, ID not found\"}");
    assertThat(delete.status()).isEqualTo(404);
    assertThat(delete.text()).isEqualTo("{\"error\":\"No rows deleted, ID not found\"}");
  }

  @Test
  void addressesTheZeroAndNegativeIdsTheOriginalSystemAcceptedAnswering404WhenAbsent() {
    for (String id : new String[] {"0", "-1", "-2147483648"}) {
      assertThat(client.get("/data/" + id).status()).as("GET %s", id).isEqualTo(404);
      assertThat(client.put("/data/" + id, "{\"mess\": \"x\"}").status())
          .as("PUT %s", id)
          .isEqualTo(404);
      assertThat(client.delete("/data/" + id).status()).as("DELETE %s", id).isEqualTo(404);
      assertThat(client.get("/api/v1/messages/" + id).status()).as("GET v1 %s", id).isEqualTo(404);
    }
  }

  @Test
  void refusesAnUpdateWithAnythingButMess() {
    client.post("/data", "{\"clid\": 1, \"mess\": \"kept\"}");

    ApiResponse refused = client.put("/data/1", "{\"mess\": \"x\", \"clid\": 2}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text())
        .isEqualTo("{\"message\":\"Invalid format. Must include only 'mess'\"}");
    assertThat(client.get("/data/1").text()).contains("kept");
  }

  @Test
  void seesMessagesPostedThroughVersionOneAndTheOtherWayRound() {
    client.post("/api/v1/messages", "{\"id\": 1, \"text\": \"from v1\"}");
    client.post("/data", "{\"clid\": 2, \"mess\": \"from the legacy API\"}");

    assertThat(client.get("/data/1").text()).contains("from v1");
    assertThat(client.get("/api/v1/messages/2").json().path("text").asText())
        .isEqualTo("from the legacy API");
  }
}
