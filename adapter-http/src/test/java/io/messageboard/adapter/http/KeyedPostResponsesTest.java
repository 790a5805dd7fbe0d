package io.messageboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.domain.idempotency.PostOutcome;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.StoredMessages;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A post with an Idempotency-Key is answered from the message the use case reports: a fresh 201 and
 * a replayed one are the same bytes, the replay marked {@code Idempotent-Replayed: true}.
 */
class KeyedPostResponsesTest {

  private static final Instant CREATED_AT = Instant.parse("2026-02-03T04:05:06.789Z");
  private static final Message CREATED =
      StoredMessages.restore(
          new MessageId(42), "first ✓", "stub-replica", CREATED_AT, CREATED_AT, 1);

  private final AtomicBoolean replayed = new AtomicBoolean();
  private final StubbedApi api = new StubbedApi(keyedPostsAnswering());

  @AfterEach
  void stop() {
    api.close();
  }

  private UseCaseStubs keyedPostsAnswering() {
    UseCaseStubs stubs = UseCaseStubs.emptyStore();
    stubs.postOnce = command -> new PostOutcome(CREATED, replayed.get());
    return stubs;
  }

  private ApiResponse post() {
    return api.client()
        .send(
            "POST",
            "/api/v1/messages",
            Map.of("Content-Type", "application/json", "Idempotency-Key", "\"k\""),
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
    replayed.set(true);

    ApiResponse replay = post();

    assertThat(replay.header("Idempotent-Replayed")).hasValue("true");
    assertThat(replay.body()).isEqualTo(fresh.body());
    for (String header : List.of("Location", "ETag", "Content-Type", "Content-Length")) {
      assertThat(replay.header(header)).as(header).isEqualTo(fresh.header(header));
    }
  }
}
