package io.messageboard.bootstrap.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.messageboard.adapter.http.HttpApi;
import io.messageboard.adapter.http.auth.BearerTokens;
import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.adapter.http.legacy.LegacyRoutes;
import io.messageboard.adapter.http.v1.MessageEventsRoute;
import io.messageboard.adapter.http.v1.MessagesV1Routes;
import io.messageboard.adapter.persistence.memory.InMemoryIdempotencyKeyRepository;
import io.messageboard.adapter.persistence.memory.InMemoryMessageRepository;
import io.messageboard.application.MessageBoard;
import io.messageboard.application.NoMessageMetrics;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessagePage;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.model.PageRequest;
import io.messageboard.domain.model.ReplicaId;
import io.messageboard.domain.port.out.MessageRepository;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A retry that arrives while the first request with its key is still storing the message: 409 with
 * Retry-After, then the first one's response once it is done.
 */
class IdempotencyKeyInFlightApiTest {

  private static final ReplicaId REPLICA = new ReplicaId("test-replica");
  private static final String KEY = "\"in-flight-key\"";

  private final InMemoryMessageRepository messages = new InMemoryMessageRepository();
  private final CountDownLatch insertStarted = new CountDownLatch(1);
  private final CountDownLatch insertMayFinish = new CountDownLatch(1);
  private final Javalin app = start();
  private final ApiClient client = new ApiClient("http://127.0.0.1:" + app.port());

  @AfterEach
  void stop() {
    insertMayFinish.countDown();
    app.stop();
  }

  private Javalin start() {
    Clock clock = Clock.systemUTC();
    MessageBoard board =
        MessageBoard.over(
            messages,
            new InMemoryIdempotencyKeyRepository(new SlowInserts()),
            Duration.ofHours(24),
            new NoMessageMetrics(),
            REPLICA,
            clock);
    return HttpApi.create(
            new MessagesV1Routes(board),
            new MessageEventsRoute(
                after -> {
                  throw new UnsupportedOperationException("no change feed in this test");
                },
                Duration.ofSeconds(15)),
            new LegacyRoutes(REPLICA, board),
            REPLICA,
            BearerTokens.none(),
            request -> {},
            config -> {})
        .start("127.0.0.1", 0);
  }

  private ApiResponse post(String json) {
    return client.send(
        "POST",
        "/api/v1/messages",
        Map.of("Content-Type", "application/json", "Idempotency-Key", KEY),
        json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aRetryWhileTheFirstRequestRunsAnswers409AndLaterGetsTheFirstResponse() throws Exception {
    CompletableFuture<ApiResponse> first =
        CompletableFuture.supplyAsync(() -> post("{\"text\": \"slow\"}"));
    assertThat(insertStarted.await(10, TimeUnit.SECONDS)).as("first request storing").isTrue();

    ApiResponse concurrent = post("{\"text\": \"slow\"}");
    ApiResponse concurrentOtherBody = post("{\"text\": \"other\"}");
    insertMayFinish.countDown();
    ApiResponse created = first.get(10, TimeUnit.SECONDS);
    ApiResponse later = post("{\"text\": \"slow\"}");

    assertThat(concurrent.status()).isEqualTo(409);
    assertThat(concurrent.header("Retry-After")).hasValue("1");
    assertThat(concurrent.json().path("type").asText())
        .isEqualTo("urn:messageboard:problem:idempotency-key-in-use");
    assertThat(concurrentOtherBody.status()).isEqualTo(422);
    assertThat(created.status()).isEqualTo(201);
    assertThat(later.header("Idempotent-Replayed")).hasValue("true");
    assertThat(later.text()).isEqualTo(created.text());
    assertThat(messages.findPage(PageRequest.first(10)).items()).hasSize(1);
  }

  /** The message store, with inserts held until the test lets them finish. */
  private final class SlowInserts implements MessageRepository {

    @Override
    public Message add(NewMessage message) {
      insertStarted.countDown();
      try {
        insertMayFinish.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return messages.add(message);
    }

    @Override
    public Optional<Message> findById(MessageId id) {
      return messages.findById(id);
    }

    @Override
    public MessagePage findPage(PageRequest request) {
      return messages.findPage(request);
    }

    @Override
    public void forEachMessage(Consumer<Message> sink) {
      messages.forEachMessage(sink);
    }

    @Override
    public boolean update(Message edited) {
      return messages.update(edited);
    }

    @Override
    public boolean delete(MessageId id, OptionalLong expectedVersion) {
      return messages.delete(id, expectedVersion);
    }
  }
}
