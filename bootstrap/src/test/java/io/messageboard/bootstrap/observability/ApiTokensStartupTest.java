package io.messageboard.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.bootstrap.Application;
import io.messageboard.bootstrap.config.TestSettings;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The startup line says whether writes need a token (a WARN when they do not), the API enforces the
 * configured tokens, and no token ever reaches a log line, accepted or refused.
 */
class ApiTokensStartupTest {

  private static final String TOKEN = "startup-test-token-0123456789";
  private static final String WRONG_TOKEN = "wrong-startup-token-9876543210";

  private final CapturedLogs allLines = new CapturedLogs(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private @Nullable Application application;

  @AfterEach
  void stop() {
    if (application != null) {
      application.stop();
    }
    allLines.close();
  }

  @Test
  void warnsLoudlyAtStartWhenWritesNeedNoToken() {
    application = new Application(TestSettings.inMemory()).start();

    assertThat(startupLine().getLevel()).isEqualTo(Level.WARN);
    assertThat(startupLine().getFormattedMessage()).contains("writes OPEN TO ANYONE");
  }

  @Test
  void saysWritesNeedATokenWithoutShowingIt() {
    application =
        new Application(TestSettings.inMemory(Map.of("MESSAGEBOARD_API_TOKENS", TOKEN))).start();

    assertThat(startupLine().getLevel()).isEqualTo(Level.INFO);
    assertThat(startupLine().getFormattedMessage())
        .contains("writes need a bearer token (1 accepted)")
        .doesNotContain(TOKEN);
  }

  @Test
  void enforcesTheTokenAndNeverLogsOne() {
    application =
        new Application(TestSettings.inMemory(Map.of("MESSAGEBOARD_API_TOKENS", TOKEN))).start();
    ApiClient client = new ApiClient("http://127.0.0.1:" + application.httpPort());

    ApiResponse without = post(client, Map.of());
    ApiResponse wrong = post(client, Map.of("Authorization", "Bearer " + WRONG_TOKEN));
    ApiResponse accepted = post(client, Map.of("Authorization", "Bearer " + TOKEN));

    assertThat(without.status()).isEqualTo(401);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(accepted.status()).isEqualTo(201);
    assertThat(client.get("/api/v1/messages").json().path("items")).hasSize(1);
    assertThat(allLines.events())
        .extracting(ILoggingEvent::getFormattedMessage)
        .isNotEmpty()
        .noneMatch(line -> line.contains(TOKEN) || line.contains(WRONG_TOKEN));
  }

  private static ApiResponse post(ApiClient client, Map<String, String> auth) {
    Map<String, String> headers = new HashMap<>(auth);
    headers.put("Content-Type", "application/json");
    return client.send(
        "POST",
        "/api/v1/messages",
        headers,
        "{\"text\": \"hello\"}".getBytes(StandardCharsets.UTF_8));
  }

  private ILoggingEvent startupLine() {
    return allLines.events().stream()
        .filter(event -> event.getFormattedMessage().contains(" ready in "))
        .findFirst()
        .orElseThrow();
  }
}
