package io.messageboard.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.client.testing.ScriptedServer;
import io.messageboard.client.testing.ScriptedServer.Answer;
import io.messageboard.client.wire.MalformedResponseException;
import io.messageboard.domain.command.DeleteMessageCommand;
import io.messageboard.domain.command.EditMessageCommand;
import io.messageboard.domain.command.PostMessageCommand;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessageText;
import io.messageboard.domain.model.PageRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A success the contract does not promise for a call is a bug to report, not a result to use. */
class UnexpectedAnswersTest {

  private static final MessageId ID = new MessageId(3);
  private final ScriptedServer server = new ScriptedServer();
  private final MessageboardClient client =
      MessageboardClient.to(server.baseUri()).retryDeadline(Duration.ZERO).build();

  @AfterEach
  void stop() {
    server.close();
  }

  private void answeredWith(Answer answer, Executable call) {
    server.then(answer);
    assertThatThrownBy(call::execute)
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("got " + answer.status());
  }

  @Test
  void aPostAnsweredWithoutCreatingIsMalformed() {
    answeredWith(
        Answer.message(200, 3, 1),
        () -> client.post(new PostMessageCommand(Optional.empty(), new MessageText("x"))));
  }

  @Test
  void aReadAnsweredWithAnotherSuccessIsMalformed() {
    answeredWith(Answer.message(201, 3, 1), () -> client.get(ID));
  }

  @Test
  void anEditAnsweredWithAnotherSuccessIsMalformed() {
    answeredWith(
        Answer.message(201, 3, 2),
        () -> client.edit(new EditMessageCommand(ID, new MessageText("x"), OptionalLong.empty())));
  }

  @Test
  void aDeleteAnsweredWithABodyIsMalformed() {
    answeredWith(
        Answer.message(200, 3, 1),
        () -> client.delete(new DeleteMessageCommand(ID, OptionalLong.empty())));
  }

  @Test
  void aPageAnsweredWithAnotherSuccessIsMalformed() {
    answeredWith(
        new Answer(202, Map.of("Content-Type", "application/json"), "{}"),
        () -> client.list(PageRequest.first(5)));
  }
}
