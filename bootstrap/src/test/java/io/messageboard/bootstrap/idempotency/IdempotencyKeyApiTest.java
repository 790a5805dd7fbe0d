package io.messageboard.bootstrap.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.bootstrap.Application;
import io.messageboard.bootstrap.config.TestSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Posts with an Idempotency-Key through the whole service: replays, refusals and expiry. */
class IdempotencyKeyApiTest {

  private static final String MESSAGES = "/api/v1/messages";
  private static final String KEY = "\"8e03978e-40d5-43e8-bc93-6894a57f9324\"";

  private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final Application application = new Application(TestSettings.inMemory(), clock).start();
  private final ApiClient client = new ApiClient("http://127.0.0.1:" + application.httpPort());

  @AfterEach
  void stop() {
    application.stop();
  }

  private ApiResponse post(String key, String json) {
    return client.send(
        "POST",
        MESSAGES,
        Map.of("Content-Type", "application/json", "Idempotency-Key", key),
        json.getBytes(StandardCharsets.UTF_8));
  }

  private List<JsonNode> stored() {
    List<JsonNode> all = new ArrayList<>();
    client.get(MESSAGES + "?limit=500").json().path("items").forEach(all::add);
    return all;
  }

  @Test
  void aRetryWithTheSameKeyReplaysStatusHeadersAndBodyAndPostsNothing() {
    ApiResponse first = post(KEY, "{\"text\": \"hello 👋\"}");
    clock.advance(Duration.ofMinutes(5));

    ApiResponse retry = post(KEY, "{ \"text\" : \"hello 👋\" }");

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.header("Idempotent-Replayed")).isEmpty();
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
    for (String header : List.of("Location", "ETag", "Content-Type")) {
      assertThat(retry.header(header)).as(header).isPresent().isEqualTo(first.header(header));
    }
    assertThat(retry.text()).isEqualTo(first.text());
    assertThat(stored()).hasSize(1);
  }

  @Test
  void theReplayIsTheOriginalResponseEvenAfterTheMessageWasEdited() {
    ApiResponse first = post(KEY, "{\"text\": \"v1\"}");
    client.put(first.header("Location").orElseThrow(), "{\"text\": \"v2\"}");

    ApiResponse retry = post(KEY, "{\"text\": \"v1\"}");

    assertThat(retry.text()).isEqualTo(first.text()).contains("\"v1\"");
    assertThat(retry.header("ETag")).hasValue("\"1\"");
  }

  @Test
  void theSameKeyWithAnotherBodyAnswers422AndPostsNothing() {
    post(KEY, "{\"text\": \"first\"}");

    ApiResponse reused = post(KEY, "{\"text\": \"second\"}");

    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.header("Content-Type")).hasValue("application/problem+json");
    assertThat(reused.json().path("type").asText())
        .isEqualTo("urn:messageboard:problem:idempotency-key-reused");
    assertThat(stored()).extracting(m -> m.path("text").asText()).containsExactly("first");
  }

  @Test
  void aMalformedKeyAnswers400ProblemJsonAndPostsNothing() {
    ApiResponse withSpace = post("8e03978e 40d5", "{\"text\": \"x\"}");
    ApiResponse empty = post("\"\"", "{\"text\": \"x\"}");

    for (ApiResponse response : List.of(withSpace, empty)) {
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.header("Content-Type")).hasValue("application/problem+json");
      assertThat(response.json().path("errors").get(0).path("field").asText())
          .isEqualTo("Idempotency-Key");
    }
    assertThat(stored()).isEmpty();
  }

  @Test
  void aFailedPostIsNotRecordedSoTheKeyCanBeRetriedOnceTheCauseIsGone() {
    ApiResponse blocker = client.post(MESSAGES, "{\"id\": 9, \"text\": \"blocker\"}");
    ApiResponse refused = post(KEY, "{\"id\": 9, \"text\": \"mine\"}");
    client.delete(blocker.header("Location").orElseThrow());

    ApiResponse retried = post(KEY, "{\"id\": 9, \"text\": \"mine\"}");

    assertThat(refused.status()).isEqualTo(409);
    assertThat(retried.status()).isEqualTo(201);
    assertThat(retried.header("Idempotent-Replayed")).isEmpty();
    assertThat(stored()).extracting(m -> m.path("text").asText()).containsExactly("mine");
  }

  @Test
  void anExpiredKeyPostsAgain() {
    post(KEY, "{\"text\": \"once\"}");
    clock.advance(Duration.ofHours(24));

    ApiResponse afterExpiry = post(KEY, "{\"text\": \"once\"}");

    assertThat(afterExpiry.status()).isEqualTo(201);
    assertThat(afterExpiry.header("Idempotent-Replayed")).isEmpty();
    assertThat(stored()).hasSize(2);
  }

  @Test
  void aKeyIsStillReplayedJustBeforeItExpires() {
    post(KEY, "{\"text\": \"once\"}");
    clock.advance(Duration.ofHours(24).minusSeconds(1));

    assertThat(post(KEY, "{\"text\": \"once\"}").header("Idempotent-Replayed")).hasValue("true");
    assertThat(stored()).hasSize(1);
  }

  @Test
  void postsWithDifferentKeysAreDifferentPosts() {
    post("\"a\"", "{\"text\": \"same\"}");
    post("\"b\"", "{\"text\": \"same\"}");

    assertThat(stored()).hasSize(2);
  }

  /** A clock the test moves forward. */
  static final class MovableClock extends Clock {
    private final AtomicReference<Instant> now;

    MovableClock(Instant start) {
      now = new AtomicReference<>(start);
    }

    void advance(Duration duration) {
      now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Objects.requireNonNull(now.get(), "now");
    }
  }
}
