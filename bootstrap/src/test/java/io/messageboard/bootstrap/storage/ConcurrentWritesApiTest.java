package io.messageboard.bootstrap.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.bootstrap.Application;
import io.messageboard.testing.ConcurrentCalls;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Racing writers over HTTP on MariaDB: one wins, the others are told why, and nothing is lost or
 * doubled.
 */
class ConcurrentWritesApiTest {

  @TempDir static Path dataDirectory;

  private static Application application;
  private static ApiClient http;

  @BeforeAll
  static void start() {
    application = new Application(MariaDbSettings.embedded(dataDirectory)).start();
    http = new ApiClient("http://127.0.0.1:" + application.httpPort());
  }

  @AfterAll
  static void stop() {
    application.stop();
  }

  @Test
  void fiftyParallelPostsOfTheSameIdCreateItExactlyOnce() throws Exception {
    List<Callable<ApiResponse>> posts = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String body = "{\"id\": 500, \"text\": \"racer " + i + "\"}";
      posts.add(() -> http.post("/api/v1/messages", body));
    }

    List<ApiResponse> responses = ConcurrentCalls.runTogether(posts);

    assertThat(statuses(responses)).containsOnlyOnce(201).containsOnly(201, 409);
    String winner =
        responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().text();
    ApiResponse stored = http.get("/api/v1/messages/500");
    assertThat(stored.text()).contains(textOf(winner)).contains("\"version\":1");
  }

  @Test
  void twentyParallelEditsFromTheSameVersionApplyExactlyOnce() throws Exception {
    ApiResponse created = http.post("/api/v1/messages", "{\"id\": 600, \"text\": \"original\"}");
    String etag = created.header("ETag").orElseThrow();
    List<Callable<ApiResponse>> edits = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String body = "{\"text\": \"edit " + i + "\"}";
      edits.add(() -> http.put("/api/v1/messages/600", body, etag));
    }

    List<ApiResponse> responses = ConcurrentCalls.runTogether(edits);

    assertThat(statuses(responses)).containsOnlyOnce(200).containsOnly(200, 412);
    String winner =
        responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().text();
    ApiResponse stored = http.get("/api/v1/messages/600");
    assertThat(stored.text()).contains(textOf(winner)).contains("\"version\":2");
    assertThat(http.get("/data").text()).containsOnlyOnce("[600,");
  }

  private static String textOf(String messageJson) {
    int start = messageJson.indexOf("\"text\":");
    return messageJson.substring(start, messageJson.indexOf(',', start));
  }

  private static List<Integer> statuses(List<ApiResponse> responses) {
    return responses.stream().map(ApiResponse::status).toList();
  }
}
