package io.messageboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.domain.idempotency.IdempotencyKey;
import io.messageboard.domain.idempotency.PostOutcome;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.StoredMessages;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A post with an Idempotency-Key is answered from the message the use case reports: a fresh 201 and
 * a replayed one are the same bytes, the replay marked {@code Idempotent-Replayed: true}. The stub
 * replays a key it was given before, as the service does, and posts anew under an unseen one.
 */
class KeyedPostResponsesTest {

  private static final Instant CREATED_AT = Instant.parse("2026-02-03T04:05:06.789Z");
  private static final int FIRST_ID = 42;

  private final Map<IdempotencyKey, Message> posted = new ConcurrentHashMap<>();
  private final StubbedApi api = new StubbedApi(keyedPostsAnswering());

  @AfterEach
  void stop() {
    api.close();
  }

  private UseCaseStubs keyedPostsAnswering() {
    UseCaseStubs stubs = UseCaseStubs.emptyStore();
    stubs.postOnce =
        command -> {
          Message earlier = posted.get(command.key());
          if (earlier != null) {
            return new PostOutcome(earlier, true);
          }
          Message created =
              StoredMessages.restore(
                  new MessageId(FIRST_ID + posted.size()),
                  command.post().text().value(),
                  "stub-replica",
                  CREATED_AT,
                  CREATED_AT,
                  1);
          posted.put(command.key(), created);
          return new PostOutcome(created, false);
        };
    return stubs;
  }

  private ApiResponse post() {
    return post("\"k\"");
  }

  private ApiResponse post(String idempotencyKey) {
    return api.client()
        .send(
            "POST",
            "/api/v1/messages",
            Map.of("Content-Type", "application/json", "Idempotency-Key", idempotencyKey),
            "{\"text\": \"first ✓\"}".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aFreshPostIsA201RenderedFromTheCreatedMessageWithoutTheReplayMark() {
    ApiResponse fresh = post();

    assertThat(fresh.status()).isEqualTo(201);
    assertThat(fresh.header("Location")).hasValue("/api/v1/messages/42");
    assertThat(fresh.header("ETag")).hasValue("\"1\"");
    assertThat(fresh.header("Content-Type")).hasValue("application/json");
    assertThat(fresh.header("Idempotent-Replayed")).isEmpty();
    assertThat(fresh.json().path("text").asText()).isEqualTo("first ✓");
    assertThat(fresh.json().path("createdAt").asText()).isEqualTo("2026-02-03T04:05:06.789Z");
  }

  @Test
  void aReplayIsTheSameAnswerMarkedReplayed() {
    ApiResponse fresh = post();

    ApiResponse replay = post();

    assertThat(replay.header("Idempotent-Replayed")).hasValue("true");
    assertThat(replay.body()).isEqualTo(fresh.body());
    for (String header : List.of("Location", "ETag", "Content-Type", "Content-Length")) {
      assertThat(replay.header(header)).as(header).isEqualTo(fresh.header(header));
    }
  }

  @Test
  void aRetryWithTheQuotedFormOfABareKeyIsReplayed() {
    ApiResponse fresh = post("KG5LxwFBepaKHyUD");
    ApiResponse otherKey = post("KG5LxwFBepaKHyUE");

    ApiResponse retry = post("\"KG5LxwFBepaKHyUD\"");

    assertThat(fresh.status()).isEqualTo(201);
    assertThat(fresh.header("Idempotent-Replayed")).isEmpty();
    assertThat(otherKey.header("Idempotent-Replayed")).as("another key posts anew").isEmpty();
    assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
    assertThat(retry.json().path("id").asInt()).isEqualTo(fresh.json().path("id").asInt());
    assertThat(retry.body()).isEqualTo(fresh.body());
  }
}
