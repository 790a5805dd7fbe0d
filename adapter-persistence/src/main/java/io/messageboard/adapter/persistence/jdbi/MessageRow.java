package io.messageboard.adapter.persistence.jdbi;

import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.StoredMessages;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One row of the {@code messages} table as stored: timestamps are UTC wall-clock values; text and
 * {@code sid} are restored as they are, whatever rule they break.
 */
record MessageRow(
    int clid,
    String mess,
    String sid,
    LocalDateTime createdAt,
    LocalDateTime updatedAt,
    long version) {

  Message toMessage() {
    return StoredMessages.restore(
        new MessageId(clid),
        mess,
        sid,
        createdAt.toInstant(ZoneOffset.UTC),
        updatedAt.toInstant(ZoneOffset.UTC),
        version);
  }
}
