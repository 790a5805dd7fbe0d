package io.messageboard.adapter.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.testdb.TestDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabases;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessageText;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.model.ReplicaId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A failing statement's exceptions, which end up in logs, never carry the message text it was
 * given.
 */
class FailureMessagesTest {

  private static final String REFUSED_TEXT = "refused: private words 7f3a9c";

  private static TestDatabase database;
  private static HikariDataSource pool;

  @BeforeAll
  static void refuseOneTextByAConstraint() {
    database = TestDatabases.fresh(FailureMessagesTest.class);
    database.migrate();
    database.execute(
        "ALTER TABLE messages ADD CONSTRAINT no_refused CHECK (mess NOT LIKE 'refused:%')");
    pool = database.ownerPool();
  }

  @AfterAll
  static void closePool() {
    pool.close();
  }

  @Test
  void aFailedInsertUnderAChosenIdDoesNotShowTheText() {
    JdbiMessageRepository repository = new JdbiMessageRepository(pool);

    Throwable failure =
        catchThrowable(
            () -> repository.add(newMessage(Optional.of(new MessageId(1)), REFUSED_TEXT)));

    assertThat(failure).isInstanceOf(IllegalStateException.class);
    assertThat(messagesThroughout(failure))
        .isNotEmpty()
        .noneMatch(message -> message.contains(REFUSED_TEXT));
  }

  @Test
  void aFailedInsertWithAnAssignedIdDoesNotShowTheText() {
    JdbiMessageRepository repository = new JdbiMessageRepository(pool);

    Throwable failure =
        catchThrowable(() -> repository.add(newMessage(Optional.empty(), REFUSED_TEXT)));

    assertThat(failure).isInstanceOf(IllegalStateException.class);
    assertThat(messagesThroughout(failure))
        .isNotEmpty()
        .noneMatch(message -> message.contains(REFUSED_TEXT));
  }

  @Test
  void aFailedEditDoesNotShowTheText() {
    JdbiMessageRepository repository = new JdbiMessageRepository(pool);
    Message stored = repository.add(newMessage(Optional.of(new MessageId(2)), "allowed"));

    Throwable failure =
        catchThrowable(
            () ->
                repository.update(
                    stored.edit(new MessageText(REFUSED_TEXT), Instant.EPOCH.plusSeconds(1))));

    assertThat(failure).isInstanceOf(IllegalStateException.class);
    assertThat(messagesThroughout(failure))
        .isNotEmpty()
        .noneMatch(message -> message.contains(REFUSED_TEXT));
  }

  // Every message and toString a log line could print: the exception, its causes and suppressed
  // exceptions.
  private static List<String> messagesThroughout(Throwable failure) {
    List<String> messages = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    collect(failure, messages, seen);
    return messages;
  }

  private static void collect(
      @Nullable Throwable failure, List<String> messages, Set<Throwable> seen) {
    if (failure == null || !seen.add(failure)) {
      return;
    }
    messages.add(String.valueOf(failure.getMessage()));
    messages.add(failure.toString());
    collect(failure.getCause(), messages, seen);
    for (Throwable suppressed : failure.getSuppressed()) {
      collect(suppressed, messages, seen);
    }
  }

  private static NewMessage newMessage(Optional<MessageId> id, String text) {
    return new NewMessage(id, new MessageText(text), new ReplicaId("r1"), Instant.EPOCH);
  }
}
