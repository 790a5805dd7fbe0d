package io.messageboard.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.client.testing.LiveBoard;
import io.messageboard.domain.command.EditMessageCommand;
import io.messageboard.domain.command.PostMessageCommand;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageText;
import io.messageboard.testing.ReadmeSnippets;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The README's client snippet, compiled and run against a server. */
class ClientUsageTest {

  private final LiveBoard live = LiveBoard.withTokens(List.of("s3cr3t-token-from-the-operator"));

  @AfterEach
  void stop() {
    live.close();
  }

  @Test
  void theReadmeSnippetPostsEditsAndReadsThroughTheService() {
    URI serviceUri = live.baseUri();
    String token = "s3cr3t-token-from-the-operator";
    // tag::client-usage[]
    MessageboardClient board =
        MessageboardClient.to(serviceUri) // e.g. https://127.0.0.1:8443
            .bearerToken(token)
            .retryDeadline(Duration.ofSeconds(15))
            .build();

    MessageText hello = new MessageText("Hello from a client");
    Message posted = board.post(new PostMessageCommand(Optional.empty(), hello));

    MessageText again = new MessageText("Hello again");
    OptionalLong expectedVersion = OptionalLong.of(posted.version());
    Message edited = board.edit(new EditMessageCommand(posted.id(), again, expectedVersion));

    List<Message> everything = new ArrayList<>();
    for (Message message : board.allMessages()) {
      everything.add(message);
    }
    // end::client-usage[]

    assertThat(edited.version()).isEqualTo(2);
    assertThat(everything).containsExactly(edited);
    assertThat(board.get(posted.id())).isEqualTo(edited);
  }

  @Test
  void theReadmeShowsExactlyTheSnippetThatIsCompiledHere() {
    String snippet =
        ReadmeSnippets.snippet(
            Path.of("src/test/java/io/messageboard/client/ClientUsageTest.java"), "client-usage");

    assertThat(ReadmeSnippets.readme()).contains(snippet);
  }
}
