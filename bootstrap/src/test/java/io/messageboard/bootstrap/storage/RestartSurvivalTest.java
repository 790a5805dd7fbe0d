package io.messageboard.bootstrap.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.bootstrap.Application;
import io.messageboard.bootstrap.config.Settings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the default storage, messages live in the data directory and outlive the process serving
 * them.
 */
class RestartSurvivalTest {

  @TempDir Path dataDirectory;

  @Test
  void messagesPostedBeforeAStopAreServedAfterTheNextStart() {
    Settings settings = MariaDbSettings.embedded(dataDirectory);
    Application first = new Application(settings).start();
    try {
      ApiClient http = new ApiClient("http://127.0.0.1:" + first.httpPort());
      assertThat(
              http.post("/api/v1/messages", "{\"id\": 11, \"text\": \"kept across restarts ✓\"}")
                  .status())
          .isEqualTo(201);
      assertThat(http.post("/data", "{\"clid\": 12, \"mess\": \"legacy style\"}").status())
          .isBetween(200, 201);
    } finally {
      first.stop();
    }

    Application second = new Application(settings).start();
    try {
      ApiClient http = new ApiClient("http://127.0.0.1:" + second.httpPort());
      ApiResponse v1 = http.get("/api/v1/messages/11");
      ApiResponse legacy = http.get("/data");

      assertThat(v1.status()).isEqualTo(200);
      assertThat(v1.text()).contains("\"text\":\"kept across restarts ✓\"");
      assertThat(legacy.status()).isEqualTo(200);
      assertThat(legacy.text())
          .contains(
              "[11,\"kept across restarts ✓\",\"test-replica\"]",
              "[12,\"legacy style\",\"test-replica\"]");
    } finally {
      second.stop();
    }
  }
}
