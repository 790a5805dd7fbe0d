package io.messageboard.adapter.persistence.jdbi;

import io.messageboard.domain.failure.DuplicateMessageIdException;
import io.messageboard.domain.failure.IdsExhaustedException;
import io.messageboard.domain.failure.StorageConflictException;
import io.messageboard.domain.feed.MessageEventKind;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.NewMessage;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * The INSERT of a new message, with its change-feed row, on a given handle, so that it can join a
 * larger transaction.
 */
final class MessageInserts {

  /**
   * Attempts to find a free id when concurrent posts keep taking the ids this one skips to; each
   * attempt skips a whole run of taken ids, so a single poster never needs more than two.
   */
  static final int ASSIGN_ATTEMPTS = 5;

  private MessageInserts() {}

  /**
   * Inserts {@code message}; fails with domain exceptions, or with the {@link JdbiException} that
   * the caller translates once it knows whether the work is repeated and how far it got.
   */
  static Message insert(Handle handle, NewMessage message) {
    return message.requestedId().isPresent()
        ? insertUnder(handle, message.requestedId().get(), message)
        : insertWithAssignedId(handle, message);
  }

  private static Message insertUnder(Handle handle, MessageId id, NewMessage message) {
    try {
      handle
          .createUpdate(
              "INSERT INTO messages (clid, mess, sid, created_at, updated_at, version)"
                  + " VALUES (:clid, :mess, :sid, :createdAt, :createdAt, 1)")
          .bind("clid", id.value())
          .bind("mess", message.text().value())
          .bind("sid", message.replica().value())
          .bind("createdAt", utc(message.createdAt()))
          .execute();
      Message stored = message.storedAs(id);
      MessageEventRecords.record(handle, MessageEventKind.CREATED, stored);
      return stored;
    } catch (JdbiException failure) {
      if (SqlFailures.isDuplicateKey(failure)) {
        throw new DuplicateMessageIdException(id.value());
      }
      throw failure;
    }
  }

  /**
   * Takes the next value of the {@code message_ids} sequence and inserts under it; a value a client
   * already took is skipped, together with the run of taken ids that follows it. The primary key
   * decides which insert wins, so the sequence never has to be exact: on a cluster, values other
   * nodes handed out and ids clients chose are all caught there.
   */
  private static Message insertWithAssignedId(Handle handle, NewMessage message) {
    DuplicateMessageIdException taken = null;
    for (int attempt = 1; attempt <= ASSIGN_ATTEMPTS; attempt++) {
      MessageId candidate = MessageId.forNewMessage(nextFromSequence(handle));
      try {
        return insertUnder(handle, candidate, message);
      } catch (DuplicateMessageIdException e) {
        taken = e;
        skipTakenRunFrom(handle, candidate);
      }
    }
    throw new StorageConflictException(
        "Ids were taken by concurrent posts during each of " + ASSIGN_ATTEMPTS + " attempts",
        Objects.requireNonNull(taken));
  }

  private static long nextFromSequence(Handle handle) {
    try {
      return handle.createQuery("SELECT NEXTVAL(message_ids)").mapTo(Long.class).one();
    } catch (JdbiException failure) {
      if (SqlFailures.isSequenceRunOut(failure)) {
        throw new IdsExhaustedException();
      }
      throw failure;
    }
  }

  /**
   * The next {@code count} values of the sequence in one query, which writes the sequence once (a
   * NEXTVAL per query is one binary-log write each). The rows come from a recursive CTE, which
   * needs no privilege on any table, unlike the Sequence engine's {@code seq_1_to_N} tables.
   */
  static List<Long> nextFromSequence(Handle handle, int count) {
    if (count == 0) {
      return List.of();
    }
    try {
      return handle
          .createQuery(
              "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count)"
                  + " SELECT NEXTVAL(message_ids) FROM n")
          .bind("count", count)
          .mapTo(Long.class)
          .list();
    } catch (JdbiException failure) {
      if (SqlFailures.isSequenceRunOut(failure)) {
        throw new IdsExhaustedException();
      }
      throw failure;
    }
  }

  /**
   * Moves the sequence past the run of taken ids that starts at {@code taken}, so that a client
   * that chose many consecutive ids costs one query, not one attempt per id. SETVAL only ever moves
   * the sequence forward, so concurrent skips cannot move it back.
   */
  private static void skipTakenRunFrom(Handle handle, MessageId taken) {
    long firstFree =
        handle
            .createQuery(
                "SELECT m.clid + 1 FROM messages m WHERE m.clid >= :taken AND NOT EXISTS"
                    + " (SELECT 1 FROM messages n WHERE n.clid = m.clid + 1) ORDER BY m.clid LIMIT 1")
            .bind("taken", taken.value())
            .mapTo(Long.class)
            .findOne()
            .orElse(taken.value() + 1L);
    if (firstFree > MessageId.MAX) {
      throw new IdsExhaustedException();
    }
    // SETVAL takes literals only; the value is a number read from the table, never client text.
    // It answers NULL when another post already moved the sequence further; nothing to do then.
    handle.createQuery("SELECT SETVAL(message_ids, " + (firstFree - 1) + ")").mapToMap().list();
  }

  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
