package io.messageboard.adapter.persistence.jdbi;

import io.messageboard.domain.failure.DomainException;
import io.messageboard.domain.failure.IdsExhaustedException;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.NewMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Update;

/**
 * The INSERTs of a batch of new messages on one handle, inside the batch's transaction.
 *
 * <p>Together first: the ids the batch needs from the {@code message_ids} sequence in one query,
 * the messages in one multi-row INSERT and their change-feed rows in another. When that INSERT
 * meets a taken id, InnoDB undoes the statement alone, and the messages go in one by one, each
 * behind a savepoint, so that only the posts refused on their own (a taken id, no id left) fail and
 * the others commit; the sequence values drawn for the first try are skipped then, as a rolled-back
 * post's are.
 */
final class MessageBatchInserts {

  private static final String SAVEPOINT = "SAVEPOINT batched_write";
  private static final String BACK_TO_SAVEPOINT = "ROLLBACK TO SAVEPOINT batched_write";

  private MessageBatchInserts() {}

  /** One outcome per message, in order; throws when the batch as a whole cannot go on. */
  static List<WriteOutcome<Message>> insertAll(Handle handle, List<NewMessage> messages) {
    Optional<List<Message>> together = insertTogether(handle, messages);
    if (together.isPresent()) {
      return together.get().stream().map(WriteOutcome::stored).toList();
    }
    return oneByOne(handle, messages, message -> MessageInserts.insert(handle, message));
  }

  /**
   * Runs {@code write} for each item, a lone item as it is and each of several behind a savepoint
   * of its own: a domain refusal undoes that item's statements and refuses it alone; any other
   * failure ends the batch.
   */
  static <I> List<WriteOutcome<Message>> oneByOne(
      Handle handle, List<I> items, Function<I, Message> write) {
    if (items.size() == 1) {
      return List.of(alone(() -> write.apply(items.get(0))));
    }
    List<WriteOutcome<Message>> outcomes = new ArrayList<>(items.size());
    for (I item : items) {
      handle.execute(SAVEPOINT);
      try {
        outcomes.add(WriteOutcome.stored(write.apply(item)));
      } catch (DomainException refusal) {
        handle.execute(BACK_TO_SAVEPOINT);
        outcomes.add(WriteOutcome.refused(refusal));
      }
    }
    return outcomes;
  }

  private static WriteOutcome<Message> alone(Supplier<Message> write) {
    try {
      return WriteOutcome.stored(write.get());
    } catch (DomainException refusal) {
      // Refused before it wrote anything (MessageInserts and the key's check refuse before their
      // INSERT and UPDATE), so the transaction commits nothing.
      return WriteOutcome.refused(refusal);
    }
  }

  /** The messages as stored, in the given order, or empty when one of them was refused. */
  private static Optional<List<Message>> insertTogether(Handle handle, List<NewMessage> messages) {
    List<Message> stored;
    try {
      stored = numbered(handle, messages);
    } catch (IdsExhaustedException noneLeft) {
      return Optional.empty();
    }
    // In ascending ids, so that concurrent batches lock the rows they insert in one order and
    // never deadlock on each other.
    List<Message> ascending = new ArrayList<>(stored);
    ascending.sort(Comparator.comparingInt(message -> message.id().value()));
    try {
      insertRows(handle, ascending);
    } catch (JdbiException failure) {
      if (SqlFailures.isDuplicateKey(failure)) {
        return Optional.empty();
      }
      throw failure;
    }
    MessageEventRecords.recordCreations(handle, ascending);
    return Optional.of(stored);
  }

  private static List<Message> numbered(Handle handle, List<NewMessage> messages) {
    long unnumbered = messages.stream().filter(m -> m.requestedId().isEmpty()).count();
    Iterator<Long> fresh = MessageInserts.nextFromSequence(handle, (int) unnumbered).iterator();
    List<Message> stored = new ArrayList<>(messages.size());
    for (NewMessage message : messages) {
      MessageId id = message.requestedId().orElseGet(() -> MessageId.forNewMessage(fresh.next()));
      stored.add(message.storedAs(id));
    }
    return stored;
  }

  /** {@code count} copies of a VALUES row, comma-separated, for a multi-row INSERT. */
  static String valueRows(int count, String row) {
    return String.join(", ", Collections.nCopies(count, row));
  }

  private static void insertRows(Handle handle, List<Message> messages) {
    Update insert =
        handle.createUpdate(
            "INSERT INTO messages (clid, mess, sid, created_at, updated_at, version) VALUES "
                + valueRows(messages.size(), "(?, ?, ?, ?, ?, ?)"));
    int position = 0;
    for (Message message : messages) {
      insert
          .bind(position++, message.id().value())
          .bind(position++, message.text())
          .bind(position++, message.replica())
          .bind(position++, MessageInserts.utc(message.createdAt()))
          .bind(position++, MessageInserts.utc(message.updatedAt()))
          .bind(position++, message.version());
    }
    insert.execute();
  }
}
