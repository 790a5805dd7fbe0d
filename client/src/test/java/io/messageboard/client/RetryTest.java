package io.messageboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.client.testing.ScriptedServer;
import io.messageboard.client.testing.ScriptedServer.Answer;
import io.messageboard.client.testing.ScriptedServer.Received;
import io.messageboard.client.wire.ServiceException;
import io.messageboard.domain.command.EditMessageCommand;
import io.messageboard.domain.command.PostMessageCommand;
import io.messageboard.domain.failure.OutcomeUnknownException;
import io.messageboard.domain.failure.StorageUnavailableException;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessageText;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When the client sends a call again, and when it must not. */
class RetryTest {

  private static final MessageId ID = new MessageId(7);
  private final ScriptedServer server = new ScriptedServer();

  @AfterEach
  void stop() {
    server.close();
  }

  private MessageboardClient client(Duration deadline) {
    return MessageboardClient.to(server.baseUri())
        .bearerToken("token-for-scripted-server")
        .retryDeadline(deadline)
        .requestTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static EditMessageCommand edit() {
    return new EditMessageCommand(ID, new MessageText("new"), OptionalLong.of(1));
  }

  @Test
  void aReadRefusedForNowIsRetriedAfterTheWaitTheServiceAsks() {
    server.then(Answer.problem(503, "storage-unavailable", "1")).then(Answer.message(200, 7, 1));
    long started = System.nanoTime();

    Message read = client(Duration.ofSeconds(10)).get(ID);

    assertThat(read.id()).isEqualTo(ID);
    assertThat(server.received()).hasSize(2);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(900));
  }

  @Test
  void aPostWhoseAnswerWasLostIsSentAgainAfterAPauseUnderTheSameKeyAndRequestId() {
    server.then(Answer.dropConnection()).then(Answer.message(201, 7, 1));
    long started = System.nanoTime();

    client(Duration.ofSeconds(10))
        .post(new PostMessageCommand(Optional.empty(), new MessageText("once")));

    List<Received> sent = server.received();
    assertThat(sent).hasSize(2);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(50));
    assertThat(sent.get(1).header("Idempotency-Key"))
        .startsWith("\"")
        .isEqualTo(sent.get(0).header("Idempotency-Key"));
    assertThat(sent.get(1).header("X-Request-Id")).isEqualTo(sent.get(0).header("X-Request-Id"));
    assertThat(sent.get(1).body()).isEqualTo(sent.get(0).body());
  }

  @Test
  void aPostStillUnansweredAtTheDeadlineHasAnUnknownOutcome() {
    server.then(Answer.dropConnection()).then(Answer.problem(503, "storage-unavailable", "30"));

    assertThatThrownBy(
            () ->
                client(Duration.ofSeconds(3))
                    .post(new PostMessageCommand(Optional.empty(), new MessageText("lost"))))
        .isInstanceOf(OutcomeUnknownException.class);
  }

  @Test
  void aRefusedRequestIsTheDomainsExceptionNotASuccess() {
    server.then(
        new Answer(
            400,
            java.util.Map.of("Content-Type", "application/problem+json"),
            "{\"type\":\"urn:messageboard:problem:invalid-input\",\"detail\":\"d\","
                + "\"errors\":[{\"field\":\"text\",\"reason\":\"too long\"}]}"));

    assertThatThrownBy(() -> client(Duration.ofSeconds(10)).edit(edit()))
        .isInstanceOf(io.messageboard.domain.failure.InvalidInputException.class)
        .hasMessageContaining("too long");
  }

  @Test
  void anEditWhoseConnectionWasLostIsNotSentAgain() {
    server.then(Answer.dropConnection()).then(Answer.message(200, 7, 2));

    assertThatThrownBy(() -> client(Duration.ofSeconds(10)).edit(edit()))
        .isInstanceOf(OutcomeUnknownException.class)
        .hasMessageContaining("may or may not");
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void anEditWithAnUnknownOutcomeIsNotSentAgain() {
    server.then(Answer.problem(503, "outcome-unknown", "1")).then(Answer.message(200, 7, 2));

    assertThatThrownBy(() -> client(Duration.ofSeconds(10)).edit(edit()))
        .isInstanceOf(OutcomeUnknownException.class)
        .hasMessageContaining("scripted outcome-unknown");
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void anEditRefusedWithNothingDoneIsSentAgain() {
    server.then(Answer.problem(503, "storage-conflict", "1")).then(Answer.message(200, 7, 2));

    assertThat(client(Duration.ofSeconds(10)).edit(edit()).version()).isEqualTo(2);
    assertThat(server.received()).extracting(Received::method).containsExactly("PUT", "PUT");
  }

  @Test
  void aRateLimitedCallWaitsAndIsSentAgain() {
    server.then(Answer.problem(429, "too-many-requests", "1")).then(Answer.message(200, 7, 2));

    assertThat(client(Duration.ofSeconds(10)).edit(edit()).version()).isEqualTo(2);
  }

  @Test
  void aWaitPastTheDeadlineIsNotWaited() {
    server.then(Answer.problem(503, "storage-unavailable", "30"));
    long started = System.nanoTime();

    assertThatThrownBy(() -> client(Duration.ofSeconds(5)).get(ID))
        .isInstanceOf(StorageUnavailableException.class)
        .hasMessageContaining("scripted storage-unavailable");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void aZeroDeadlineMakesOneAttempt() {
    server.then(Answer.problem(503, "storage-unavailable", "1"));

    assertThatThrownBy(() -> client(Duration.ZERO).get(ID))
        .isInstanceOf(StorageUnavailableException.class);
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void aRejectedTokenIsAServiceExceptionAndNotRetried() {
    server.then(Answer.problem(401, "unauthorized", ""));

    assertThatThrownBy(() -> client(Duration.ofSeconds(10)).edit(edit()))
        .isInstanceOfSatisfying(
            ServiceException.class,
            refused -> assertThat(refused.problem().kind()).isEqualTo("unauthorized"));
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void writesCarryTheTokenAndReadsDoNot() {
    server.then(Answer.message(200, 7, 1)).then(Answer.message(200, 7, 2));
    MessageboardClient client = client(Duration.ofSeconds(10));

    client.get(ID);
    client.edit(edit());

    assertThat(server.received().get(0).header("Authorization")).isEmpty();
    assertThat(server.received().get(1).header("Authorization"))
        .isEqualTo("Bearer token-for-scripted-server");
  }

  @Test
  void aServiceThatCannotBeReachedIsUnavailableOnceTheDeadlinePasses() throws Exception {
    URI closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
    MessageboardClient client =
        MessageboardClient.to(closed).retryDeadline(Duration.ofMillis(500)).build();

    assertThatThrownBy(() -> client.get(ID))
        .isInstanceOf(StorageUnavailableException.class)
        .hasMessageContaining("could not be reached");
  }
}
