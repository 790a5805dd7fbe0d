package io.messageboard.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class V1MessagesApiTest {

  private final ApiServer server = ApiServer.inMemory();
  private final ApiClient client = server.client();

  @AfterEach
  void stop() {
    server.close();
  }

  private static String textBody(String text) {
    return JsonNodeFactory.instance.objectNode().put("text", text).toString();
  }

  @Test
  void postingWithoutAnIdCreatesVersionOneWithLocationAndETag() {
    ApiResponse created = client.post("/api/v1/messages", textBody("hello"));

    assertThat(created.status()).isEqualTo(201);
    JsonNode message = created.json();
    assertThat(message.path("text").asText()).isEqualTo("hello");
    assertThat(message.path("replica").asText()).isEqualTo("test-replica");
    assertThat(message.path("version").asLong()).isEqualTo(1);
    assertThat(message.path("createdAt").asText()).isEqualTo(message.path("updatedAt").asText());
    assertThat(created.header("Location"))
        .hasValue("/api/v1/messages/" + message.path("id").asInt());
    assertThat(created.header("ETag")).hasValue("\"1\"");
  }

  @Test
  void postingWithAnIdKeepsTheClientsId() {
    ApiResponse created =
        client.post("/api/v1/messages", "{\"id\": 2147483647, \"text\": \"max\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(client.get("/api/v1/messages/2147483647").json().path("text").asText())
        .isEqualTo("max");
  }

  @Test
  void aClientTakingTheLargestIdLeavesAThousandPostsWithoutAnIdAllCreated() {
    client.post("/api/v1/messages", "{\"id\": 2147483647, \"text\": \"max\"}");

    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      ApiResponse created = client.post("/api/v1/messages", textBody("assigned " + i));
      assertThat(created.status()).isEqualTo(201);
      ids.add(created.json().path("id").asInt());
    }

    assertThat(ids).doesNotHaveDuplicates().doesNotContain(2147483647);
  }

  @Test
  void postingATakenIdAnswers409AndKeepsTheOriginal() {
    client.post("/api/v1/messages", "{\"id\": 5, \"text\": \"original\"}");

    ApiResponse duplicate = client.post("/api/v1/messages", "{\"id\": 5, \"text\": \"intruder\"}");

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.header("Content-Type")).hasValue("application/problem+json");
    assertThat(duplicate.json().path("type").asText())
        .isEqualTo("urn:messageboard:problem:duplicate-id");
    assertThat(client.get("/api/v1/messages/5").json().path("text").asText()).isEqualTo("original");
  }

  @Test
  void readingAnswersTheMessageWithItsETagAnd304WhenTheClientHasIt() {
    client.post("/api/v1/messages", "{\"id\": 1, \"text\": \"cached\"}");

    ApiResponse first = client.get("/api/v1/messages/1");
    ApiResponse again =
        client.get(
            "/api/v1/messages/1", Map.of("If-None-Match", first.header("ETag").orElseThrow()));
    ApiResponse weakAgain = client.get("/api/v1/messages/1", Map.of("If-None-Match", "W/\"1\""));
    ApiResponse stale = client.get("/api/v1/messages/1", Map.of("If-None-Match", "\"7\""));

    assertThat(first.status()).isEqualTo(200);
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(weakAgain.status()).isEqualTo(304);
    assertThat(stale.status()).isEqualTo(200);
  }

  @Test
  void headAnswersLikeGetWithoutABody() {
    client.post("/api/v1/messages", "{\"id\": 1, \"text\": \"head\"}");

    ApiResponse present = client.send("HEAD", "/api/v1/messages/1", Map.of(), null);
    ApiResponse absent = client.send("HEAD", "/api/v1/messages/2", Map.of(), null);

    assertThat(present.status()).isEqualTo(200);
    assertThat(present.header("ETag")).hasValue("\"1\"");
    assertThat(present.body()).isEmpty();
    assertThat(absent.status()).isEqualTo(404);
  }

  @Test
  void readingAnUnknownIdAnswers404Problem() {
    ApiResponse missing = client.get("/api/v1/messages/404");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().path("instance").asText()).isEqualTo("/api/v1/messages/404");
    assertThat(missing.json().path("requestId").asText())
        .isEqualTo(missing.header("X-Request-Id").orElseThrow());
  }

  @Test
  void editingWithTheCurrentETagBumpsTheVersionAndAStaleOneAnswers412() {
    client.post("/api/v1/messages", "{\"id\": 1, \"text\": \"v1\"}");

    ApiResponse edited = client.put("/api/v1/messages/1", textBody("v2"), "\"1\"");
    ApiResponse stale = client.put("/api/v1/messages/1", textBody("lost"), "\"1\"");

    assertThat(edited.status()).isEqualTo(200);
    assertThat(edited.header("ETag")).hasValue("\"2\"");
    assertThat(edited.json().path("version").asLong()).isEqualTo(2);
    assertThat(stale.status()).isEqualTo(412);
    assertThat(client.get("/api/v1/messages/1").json().path("text").asText()).isEqualTo("v2");
  }

  @Test
  void editingWithoutIfMatchOverwritesAndKeepsTheCreator() {
    JsonNode created = client.post("/api/v1/messages", textBody("before")).json();

    JsonNode edited =
        client.put("/api/v1/messages/" + created.path("id").asInt(), textBody("after")).json();

    assertThat(edited.path("text").asText()).isEqualTo("after");
    assertThat(edited.path("createdAt").asText()).isEqualTo(created.path("createdAt").asText());
    assertThat(edited.path("replica").asText()).isEqualTo(created.path("replica").asText());
  }

  @Test
  void editingAnUnknownIdAnswers404() {
    assertThat(client.put("/api/v1/messages/9", textBody("nobody")).status()).isEqualTo(404);
  }

  @Test
  void deletingWithAStaleETagAnswers412AndKeepsTheMessage() {
    client.post("/api/v1/messages", "{\"id\": 1, \"text\": \"v1\"}");
    client.put("/api/v1/messages/1", textBody("v2"));

    assertThat(client.delete("/api/v1/messages/1", "\"1\"").status()).isEqualTo(412);
    assertThat(client.get("/api/v1/messages/1").status()).isEqualTo(200);
    assertThat(client.delete("/api/v1/messages/1", "\"2\"").status()).isEqualTo(204);
    assertThat(client.get("/api/v1/messages/1").status()).isEqualTo(404);
    assertThat(client.delete("/api/v1/messages/1").status()).isEqualTo(404);
  }

  @Test
  void listingFollowsNextLinksThroughEveryMessageExactlyOnce() {
    for (int id = 1; id <= 7; id++) {
      client.post("/api/v1/messages", "{\"id\": " + (id * 10) + ", \"text\": \"m" + id + "\"}");
    }
    List<Integer> seen = new ArrayList<>();
    String next = "/api/v1/messages?limit=3";
    int pages = 0;
    while (next != null && pages++ < 10) {
      JsonNode page = client.get(next).json();
      page.path("items").forEach(item -> seen.add(item.path("id").asInt()));
      next = page.path("next").isNull() ? null : page.path("next").asText();
    }

    assertThat(seen).containsExactly(10, 20, 30, 40, 50, 60, 70);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void listingDefaultsToFiftyPerPage() {
    for (int id = 1; id <= 51; id++) {
      client.post("/api/v1/messages", "{\"id\": " + id + ", \"text\": \"m\"}");
    }

    JsonNode page = client.get("/api/v1/messages").json();

    assertThat(page.path("items")).hasSize(50);
    assertThat(page.path("next").asText()).isEqualTo("/api/v1/messages?limit=50&after=50");
  }

  @Test
  void acceptsTenThousandEmojiAndReturnsThemUnchanged() {
    String text = "😀".repeat(10_000);

    ApiResponse created = client.post("/api/v1/messages", textBody(text));

    assertThat(created.status()).isEqualTo(201);
    assertThat(client.get(created.header("Location").orElseThrow()).json().path("text").asText())
        .isEqualTo(text);
  }

  @Test
  void returnsAwkwardTextsByteForByte() {
    List<String> texts =
        List.of(
            "emoji 😀👍🏽👨‍👩‍👧",
            "combining e\u0301",
            "שלום عالم",
            "quotes ' \" \\ `",
            "'; DROP TABLE messages; --",
            "100% _x_",
            "tab\tnew\nline\rcr",
            "\u2028\u2029 separators",
            "</script><script>alert(1)</script>");
    for (String text : texts) {
      ApiResponse created = client.post("/api/v1/messages", textBody(text));
      ApiResponse read = client.get(created.header("Location").orElseThrow());

      assertThat(read.json().path("text").asText()).isEqualTo(text);
    }
  }

  @Test
  void timestampsAreUtcWithMilliseconds() {
    JsonNode created = client.post("/api/v1/messages", textBody("time")).json();

    assertThat(created.path("createdAt").asText())
        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
  }
}
