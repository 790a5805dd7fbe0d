package io.messageboard.bootstrap.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.bootstrap.Application;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Racing writers over HTTP on MariaDB: one wins, the others are told why, and nothing is lost or doubled. */
class ConcurrentWritesApiTest {

  @TempDir static Path dataDirectory;

  private static Application application;
  private static Http http;

  @BeforeAll
  static void start() {
    application = new Application(MariaDbSettings.embedded(dataDirectory)).start();
    http = new Http(application.httpPort());
  }

  @AfterAll
  static void stop() {
    application.stop();
  }

  @Test
  void fiftyParallelPostsOfTheSameIdCreateItExactlyOnce() throws Exception {
    List<Callable<HttpResponse<String>>> posts = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String body = "{\"id\": 500, \"text\": \"racer " + i + "\"}";
      posts.add(() -> http.post("/api/v1/messages", body));
    }

    List<HttpResponse<String>> responses = runTogether(posts);

    assertThat(statuses(responses)).containsOnlyOnce(201).containsOnly(201, 409);
    String winner = responses.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow().body();
    HttpResponse<String> stored = http.get("/api/v1/messages/500");
    assertThat(stored.body()).contains(textOf(winner)).contains("\"version\":1");
  }

  @Test
  void twentyParallelEditsFromTheSameVersionApplyExactlyOnce() throws Exception {
    HttpResponse<String> created = http.post("/api/v1/messages", "{\"id\": 600, \"text\": \"original\"}");
    String etag = created.headers().firstValue("ETag").orElseThrow();
    List<Callable<HttpResponse<String>>> edits = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String body = "{\"text\": \"edit " + i + "\"}";
      edits.add(() -> http.put("/api/v1/messages/600", etag, body));
    }

    List<HttpResponse<String>> responses = runTogether(edits);

    assertThat(statuses(responses)).containsOnlyOnce(200).containsOnly(200, 412);
    String winner = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow().body();
    HttpResponse<String> stored = http.get("/api/v1/messages/600");
    assertThat(stored.body()).contains(textOf(winner)).contains("\"version\":2");
    assertThat(http.get("/data").body()).containsOnlyOnce("[600,");
  }

  private static String textOf(String messageJson) {
    int start = messageJson.indexOf("\"text\":");
    return messageJson.substring(start, messageJson.indexOf(',', start));
  }

  private static List<Integer> statuses(List<HttpResponse<String>> responses) {
    return responses.stream().map(HttpResponse::statusCode).toList();
  }

  private static List<HttpResponse<String>> runTogether(List<Callable<HttpResponse<String>>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (Callable<HttpResponse<String>> task : tasks) {
        futures.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      start.countDown();
      List<HttpResponse<String>> responses = new ArrayList<>();
      for (Future<HttpResponse<String>> future : futures) {
        responses.add(future.get());
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }
}
