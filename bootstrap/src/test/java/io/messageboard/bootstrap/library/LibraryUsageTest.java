package io.messageboard.bootstrap.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.adapter.persistence.memory.InMemoryIdempotencyKeyRepository;
import io.messageboard.adapter.persistence.memory.InMemoryMessageRepository;
import io.messageboard.application.MessageBoard;
import io.messageboard.application.NoMessageMetrics;
import io.messageboard.domain.command.EditMessageCommand;
import io.messageboard.domain.command.PostMessageCommand;
import io.messageboard.domain.failure.VersionMismatchException;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessagePage;
import io.messageboard.domain.model.MessageText;
import io.messageboard.domain.model.PageRequest;
import io.messageboard.domain.model.ReplicaId;
import io.messageboard.domain.port.out.IdempotencyKeyRepository;
import io.messageboard.domain.port.out.MessageRepository;
import io.messageboard.testing.ReadmeSnippets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The README's "Use as a library" snippet, compiled and run: domain + application + in-memory
 * storage, no HTTP.
 */
class LibraryUsageTest {

  @Test
  void theReadmeSnippetPostsEditsAndListsWithoutAServer() {
    // tag::library-usage[]
    MessageRepository repository = new InMemoryMessageRepository();
    IdempotencyKeyRepository keys = new InMemoryIdempotencyKeyRepository(repository);
    ReplicaId replica = new ReplicaId("batch-job");
    MessageBoard board =
        MessageBoard.over(
            repository,
            keys,
            Duration.ofHours(24),
            new NoMessageMetrics(),
            replica,
            Clock.systemUTC());

    MessageText hello = new MessageText("Hello from a library");
    Message posted = board.post().post(new PostMessageCommand(Optional.empty(), hello));

    MessageText again = new MessageText("Hello again");
    OptionalLong expectedVersion = OptionalLong.of(posted.version());
    Message edited = board.edit().edit(new EditMessageCommand(posted.id(), again, expectedVersion));

    MessagePage firstPage = board.list().list(PageRequest.first(10));
    // end::library-usage[]

    assertThat(edited.version()).isEqualTo(2);
    assertThat(firstPage.items()).containsExactly(edited);
    assertThat(posted.replica()).isEqualTo("batch-job");
  }

  @Test
  void aStaleEditFailsWithADomainException() {
    InMemoryMessageRepository messages = new InMemoryMessageRepository();
    MessageBoard board =
        MessageBoard.over(
            messages,
            new InMemoryIdempotencyKeyRepository(messages),
            Duration.ofHours(24),
            new NoMessageMetrics(),
            new ReplicaId("lib"),
            Clock.systemUTC());
    Message posted =
        board.post().post(new PostMessageCommand(Optional.empty(), new MessageText("v1")));
    board
        .edit()
        .edit(new EditMessageCommand(posted.id(), new MessageText("v2"), OptionalLong.of(1)));

    assertThatThrownBy(
            () ->
                board
                    .edit()
                    .edit(
                        new EditMessageCommand(
                            posted.id(), new MessageText("v3"), OptionalLong.of(1))))
        .isInstanceOf(VersionMismatchException.class);
  }

  @Test
  void theReadmeShowsExactlyTheSnippetThatIsCompiledHere() {
    String snippet =
        ReadmeSnippets.snippet(
            Path.of("src/test/java/io/messageboard/bootstrap/library/LibraryUsageTest.java"),
            "library-usage");

    assertThat(ReadmeSnippets.readme()).contains(snippet);
  }
}
