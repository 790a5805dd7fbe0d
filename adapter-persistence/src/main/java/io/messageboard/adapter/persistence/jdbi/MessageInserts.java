package io.messageboard.adapter.persistence.jdbi;

import io.messageboard.domain.failure.DuplicateMessageIdException;
import io.messageboard.domain.failure.IdsExhaustedException;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.NewMessage;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/** The INSERT of a new message on a given handle, so that it can join a larger transaction. */
final class MessageInserts {

  private MessageInserts() {}

  /** Inserts {@code message}; fails with domain exceptions only. */
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
      return message.storedAs(id);
    } catch (JdbiException failure) {
      if (SqlFailures.isDuplicateKey(failure)) {
        throw new DuplicateMessageIdException(id.value());
      }
      throw SqlFailures.translate(failure);
    }
  }

  private static Message insertWithAssignedId(Handle handle, NewMessage message) {
    try {
      long assigned =
          handle
              .createUpdate(
                  "INSERT INTO messages (mess, sid, created_at, updated_at, version)"
                      + " VALUES (:mess, :sid, :createdAt, :createdAt, 1)")
              .bind("mess", message.text().value())
              .bind("sid", message.replica().value())
              .bind("createdAt", utc(message.createdAt()))
              .executeAndReturnGeneratedKeys()
              .mapTo(Long.class)
              .one();
      return message.storedAs(MessageId.forNewMessage(assigned));
    } catch (JdbiException failure) {
      if (SqlFailures.isIdExhaustion(failure)) {
        throw new IdsExhaustedException();
      }
      throw SqlFailures.translate(failure);
    }
  }

  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
