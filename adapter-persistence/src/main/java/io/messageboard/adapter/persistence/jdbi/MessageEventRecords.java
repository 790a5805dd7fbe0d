package io.messageboard.adapter.persistence.jdbi;

import io.messageboard.domain.feed.MessageEventKind;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import java.sql.Types;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * The change feed's row of a change, inserted on the handle of the transaction that makes the
 * change, without a position (JdbiMessageEventLog gives it one once committed); see
 * V10__message_events.sql.
 */
final class MessageEventRecords {

  private static final String COLUMNS =
      "INSERT INTO message_events (kind, clid, version, mess, sid, created_at, updated_at,"
          + " recorded_at) VALUES ";

  private static final String INSERT =
      COLUMNS + "(:kind, :clid, :version, :mess, :sid, :createdAt, :updatedAt, UTC_TIMESTAMP(6))";

  private MessageEventRecords() {}

  /** The kind as stored: fixed numbers, so that the enum's order can change. */
  static int code(MessageEventKind kind) {
    return switch (kind) {
      case CREATED -> 1;
      case EDITED -> 2;
      case DELETED -> 3;
    };
  }

  static MessageEventKind kindOf(int code) {
    return switch (code) {
      case 1 -> MessageEventKind.CREATED;
      case 2 -> MessageEventKind.EDITED;
      case 3 -> MessageEventKind.DELETED;
      default -> throw new IllegalStateException("no event kind " + code + " in message_events");
    };
  }

  /** Records that {@code message} was created or edited into the state it has. */
  static void record(Handle handle, MessageEventKind kind, Message message) {
    handle
        .createUpdate(INSERT)
        .bind("kind", code(kind))
        .bind("clid", message.id().value())
        .bind("version", message.version())
        .bind("mess", message.text())
        .bind("sid", message.replica())
        .bind("createdAt", MessageInserts.utc(message.createdAt()))
        .bind("updatedAt", MessageInserts.utc(message.updatedAt()))
        .execute();
  }

  /** Records that each of {@code created} was created, in one multi-row INSERT. */
  static void recordCreations(Handle handle, List<Message> created) {
    Update insert =
        handle.createUpdate(
            COLUMNS
                + MessageBatchInserts.valueRows(
                    created.size(), "(?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6))"));
    int position = 0;
    for (Message message : created) {
      insert
          .bind(position++, code(MessageEventKind.CREATED))
          .bind(position++, message.id().value())
          .bind(position++, message.version())
          .bind(position++, message.text())
          .bind(position++, message.replica())
          .bind(position++, MessageInserts.utc(message.createdAt()))
          .bind(position++, MessageInserts.utc(message.updatedAt()));
    }
    insert.execute();
  }

  /** Records that version {@code version} of the message {@code id} was deleted. */
  static void recordDeletion(Handle handle, MessageId id, long version) {
    handle
        .createUpdate(INSERT)
        .bind("kind", code(MessageEventKind.DELETED))
        .bind("clid", id.value())
        .bind("version", version)
        .bindNull("mess", Types.VARCHAR)
        .bindNull("sid", Types.VARCHAR)
        .bindNull("createdAt", Types.TIMESTAMP)
        .bindNull("updatedAt", Types.TIMESTAMP)
        .execute();
  }
}
