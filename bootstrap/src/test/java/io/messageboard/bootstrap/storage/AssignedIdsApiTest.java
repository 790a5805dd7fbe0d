package io.messageboard.bootstrap.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.bootstrap.Application;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ids a client chooses, even the largest, never keep the service from assigning ids on MariaDB. */
class AssignedIdsApiTest {

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
  void afterAClientTookTheLargestIdAThousandPostsWithoutAnIdAreAllCreated() throws Exception {
    assertThat(http.post("/api/v1/messages", "{\"id\": 2147483647, \"text\": \"top\"}").status())
        .isEqualTo(201);
    // Ids a client took ahead of the sequence are skipped as well.
    for (int id = 10; id < 20; id++) {
      assertThat(http.post("/data", "{\"clid\": " + id + ", \"mess\": \"legacy\"}").status())
          .isEqualTo(201);
    }

    List<Callable<ApiResponse>> posts = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      String body = "{\"text\": \"assigned " + i + "\"}";
      posts.add(() -> http.post("/api/v1/messages", body));
    }
    List<ApiResponse> responses = new ArrayList<>();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      for (Future<ApiResponse> response : clients.invokeAll(posts)) {
        responses.add(response.get());
      }
    } finally {
      clients.shutdownNow();
    }

    assertThat(responses).allSatisfy(response -> assertThat(response.status()).isEqualTo(201));
    List<Integer> ids = responses.stream().map(r -> r.json().path("id").asInt()).toList();
    assertThat(ids)
        .hasSize(1_000)
        .doesNotHaveDuplicates()
        .doesNotContain(2147483647)
        .noneMatch(id -> id >= 10 && id < 20);
    assertThat(http.get("/data/15").text()).contains("legacy");
  }
}
