package io.messageboard.bootstrap.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.bootstrap.Application;
import io.messageboard.bootstrap.config.Setting;
import io.messageboard.bootstrap.config.TestSettings;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With two write tokens, an Idempotency-Key belongs to the client whose token sent it. */
class IdempotencyKeyPerClientApiTest {

  private static final String MESSAGES = "/api/v1/messages";
  private static final String KEY = "\"8e03978e-40d5-43e8-bc93-6894a57f9324\"";
  private static final String ALICE = "alice-token-0123456789abcdef";
  private static final String BOB = "bob-token-fedcba9876543210";

  private final Application application =
      new Application(
              TestSettings.inMemory(
                  Map.of(Setting.API_TOKENS.environmentVariable(), ALICE + "," + BOB)))
          .start();
  private final ApiClient anyone = new ApiClient("http://127.0.0.1:" + application.httpPort());

  @AfterEach
  void stop() {
    application.stop();
  }

  private ApiResponse post(String token, String json) {
    return anyone
        .withBearerToken(token)
        .send(
            "POST",
            MESSAGES,
            Map.of("Content-Type", "application/json", "Idempotency-Key", KEY),
            json.getBytes(StandardCharsets.UTF_8));
  }

  private int stored() {
    return anyone.get(MESSAGES + "?limit=500").json().path("items").size();
  }

  @Test
  void theSameKeyAndBodyFromAnotherClientPostsAgainInsteadOfReplaying() {
    ApiResponse alices = post(ALICE, "{\"text\": \"hello\"}");

    ApiResponse bobs = post(BOB, "{\"text\": \"hello\"}");

    assertThat(alices.status()).isEqualTo(201);
    assertThat(bobs.status()).isEqualTo(201);
    assertThat(bobs.header("Idempotent-Replayed")).isEmpty();
    assertThat(bobs.header("Location")).isPresent().isNotEqualTo(alices.header("Location"));
    assertThat(stored()).isEqualTo(2);
  }

  @Test
  void eachClientsRetryReplaysItsOwnResponse() {
    ApiResponse alices = post(ALICE, "{\"text\": \"hello\"}");
    ApiResponse bobs = post(BOB, "{\"text\": \"hello\"}");

    ApiResponse alicesRetry = post(ALICE, "{\"text\": \"hello\"}");
    ApiResponse bobsRetry = post(BOB, "{\"text\": \"hello\"}");

    assertThat(alicesRetry.header("Idempotent-Replayed")).hasValue("true");
    assertThat(alicesRetry.header("Location")).isEqualTo(alices.header("Location"));
    assertThat(alicesRetry.text()).isEqualTo(alices.text());
    assertThat(bobsRetry.header("Idempotent-Replayed")).hasValue("true");
    assertThat(bobsRetry.header("Location")).isEqualTo(bobs.header("Location"));
    assertThat(bobsRetry.text()).isEqualTo(bobs.text());
    assertThat(stored()).isEqualTo(2);
  }

  @Test
  void anotherClientMayUseTheSameKeyForAnotherBody() {
    post(ALICE, "{\"text\": \"first\"}");

    ApiResponse bobs = post(BOB, "{\"text\": \"second\"}");
    ApiResponse alicesReuse = post(ALICE, "{\"text\": \"second\"}");

    assertThat(bobs.status()).isEqualTo(201);
    assertThat(alicesReuse.status()).isEqualTo(422);
    assertThat(stored()).isEqualTo(2);
  }
}
