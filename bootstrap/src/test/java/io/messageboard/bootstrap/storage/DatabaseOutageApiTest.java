package io.messageboard.bootstrap.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.adapter.persistence.embedded.StoppableMariaDb;
import io.messageboard.bootstrap.Application;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While the database is down the API answers 503 with Retry-After within the pool timeout, then
 * recovers alone.
 */
class DatabaseOutageApiTest {

  @TempDir Path dataDirectory;

  @Test
  void answers503WithRetryAfterWhileTheDatabaseIsDownAndServesAgainWhenItReturns()
      throws Exception {
    try (StoppableMariaDb server = StoppableMariaDb.start(dataDirectory)) {
      server.createDatabase("outage");
      Application application =
          ReleasedApplication.start(
              MariaDbSettings.external(server.jdbcUrl("outage"), server.user(), server.password()));
      try {
        ApiClient http = new ApiClient("http://127.0.0.1:" + application.httpPort());
        assertThat(http.post("/api/v1/messages", "{\"id\": 1, \"text\": \"before\"}").status())
            .isEqualTo(201);

        server.stop();
        long start = System.nanoTime();
        ApiResponse v1 = http.get("/api/v1/messages/1");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        ApiResponse legacy = http.get("/data");
        server.restart();

        assertThat(v1.status()).isEqualTo(503);
        assertThat(v1.header("Retry-After")).isPresent();
        assertThat(v1.header("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(legacy.status()).isEqualTo(503);
        assertThat(legacy.text()).contains("Cannot connect to the database. Try again later.");
        assertThat(eventuallyOk(http, "/api/v1/messages/1").text()).contains("\"text\":\"before\"");
      } finally {
        application.stop();
      }
    }
  }

  private static ApiResponse eventuallyOk(ApiClient http, String path) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    ApiResponse response = http.get(path);
    while (response.status() != 200 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      response = http.get(path);
    }
    return response;
  }
}
