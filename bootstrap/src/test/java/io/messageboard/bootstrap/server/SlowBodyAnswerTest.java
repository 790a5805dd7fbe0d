package io.messageboard.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.adapter.http.contract.ContractValidator;
import io.messageboard.bootstrap.Application;
import io.messageboard.bootstrap.config.TestSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The 408 for a body that arrives too slowly is the one the contract documents, on both APIs. */
class SlowBodyAnswerTest {

  private final Application application = new Application(TestSettings.inMemory(Map.of())).start();

  @AfterEach
  void stop() {
    application.stop();
  }

  @Test
  void aTrickledV1BodyGetsTheDocumentedProblem() throws IOException {
    ApiResponse response = trickleBody("POST", "/api/v1/messages");

    assertThat(response.status()).isEqualTo(408);
    assertThat(response.header("Content-Type")).hasValue("application/problem+json");
    assertThat(ContractValidator.violations("POST", "/api/v1/messages", response)).isEmpty();
  }

  @Test
  void aTrickledLegacyBodyGetsTheDocumentedLegacyError() throws IOException {
    ApiResponse response = trickleBody("PUT", "/data/1");

    assertThat(response.status()).isEqualTo(408);
    assertThat(response.json().get("message").asText()).isNotBlank();
    assertThat(ContractValidator.violations("PUT", "/data/1", response)).isEmpty();
  }

  /** Sends the head of a 200-byte body, then one byte every 200 ms until the server answers. */
  private ApiResponse trickleBody(String method, String path) throws IOException {
    String head =
        method
            + " "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 200\r\n\r\n";
    try (SlowClient slow = SlowClient.start(application.httpPort(), head)) {
      SlowClient.Outcome outcome =
          slow.trickleUntilCut(" ", Duration.ofMillis(200), Duration.ofSeconds(10));
      assertThat(outcome.wasCut()).as("answered by the server").isTrue();
      return parse(outcome.response().getBytes(StandardCharsets.ISO_8859_1));
    }
  }

  private static ApiResponse parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    int headEnd = text.indexOf("\r\n\r\n");
    String[] lines = text.substring(0, headEnd).split("\r\n", -1);
    // "HTTP/1.1 408 Request Timeout"
    int status = Integer.parseInt(lines[0].substring(9, 12));
    Map<String, List<String>> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers
          .computeIfAbsent(
              lines[i].substring(0, colon).toLowerCase(Locale.ROOT), name -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).strip());
    }
    return new ApiResponse(
        status, headers, text.substring(headEnd + 4).getBytes(StandardCharsets.UTF_8));
  }
}
