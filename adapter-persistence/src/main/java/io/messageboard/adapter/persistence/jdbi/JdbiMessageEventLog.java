package io.messageboard.adapter.persistence.jdbi;

import io.messageboard.domain.feed.FeedBounds;
import io.messageboard.domain.feed.MessageEvent;
import io.messageboard.domain.feed.MessageEventKind;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.StoredMessages;
import io.messageboard.domain.port.out.MessageEventLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The change feed's log on MariaDB: the rows the repositories record in their transactions, given
 * positions by a sequencing transaction that one replica at a time runs (see
 * V10__message_events.sql for why a reader following positions never skips a row).
 */
public final class JdbiMessageEventLog implements MessageEventLog {

  /** Rows one sequencing transaction numbers at most; {@link #sequence} runs again for more. */
  static final int SEQUENCE_BATCH = 1_000;

  private static final String COLUMNS =
      "feed_position, kind, clid, version, mess, sid, created_at, updated_at, recorded_at";

  private final Jdbi jdbi;

  public JdbiMessageEventLog(DataSource dataSource) {
    this.jdbi = QuietJdbi.over(dataSource);
  }

  @Override
  public long sequence() {
    // The common case, nothing to number, costs one read and takes no lock.
    long pending =
        DatabaseCalls.query(
            jdbi,
            handle ->
                handle
                    .createQuery(
                        "SELECT COUNT(*) FROM (SELECT 1 FROM message_events"
                            + " WHERE feed_position IS NULL LIMIT 1) pending")
                    .mapTo(Long.class)
                    .one());
    if (pending == 0) {
      return lastPosition();
    }
    // Safe to repeat: it only numbers rows without a number. READ COMMITTED: the locking reads take
    // no gap locks, so the writers' inserts never wait for it.
    return DatabaseCalls.query(
        jdbi,
        handle ->
            handle.inTransaction(TransactionIsolationLevel.READ_COMMITTED, this::numberPending));
  }

  private long numberPending(Handle handle) {
    long last =
        handle
            .createQuery(
                "SELECT last_position FROM message_event_positions WHERE id = 1 FOR UPDATE")
            .mapTo(Long.class)
            .one();
    List<Long> ids =
        handle
            .createQuery(
                "SELECT id FROM message_events WHERE feed_position IS NULL ORDER BY id LIMIT :rows"
                    + " FOR UPDATE SKIP LOCKED")
            .bind("rows", SEQUENCE_BATCH)
            .mapTo(Long.class)
            .list();
    if (ids.isEmpty()) {
      return last;
    }
    var numbering =
        handle.prepareBatch("UPDATE message_events SET feed_position = :position WHERE id = :id");
    for (long id : ids) {
      numbering.bind("position", ++last).bind("id", id).add();
    }
    numbering.execute();
    handle
        .createUpdate("UPDATE message_event_positions SET last_position = :last WHERE id = 1")
        .bind("last", last)
        .execute();
    return last;
  }

  private long lastPosition() {
    return DatabaseCalls.query(
        jdbi,
        handle ->
            handle
                .createQuery("SELECT last_position FROM message_event_positions WHERE id = 1")
                .mapTo(Long.class)
                .one());
  }

  @Override
  public List<MessageEvent> after(long position, int limit) {
    return DatabaseCalls.query(
        jdbi,
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM message_events WHERE feed_position > :after"
                        + " ORDER BY feed_position LIMIT :rows")
                .bind("after", position)
                .bind("rows", limit)
                .map((rows, context) -> event(rows))
                .list());
  }

  private static MessageEvent event(ResultSet row) throws SQLException {
    long position = row.getLong("feed_position");
    MessageEventKind kind = MessageEventRecords.kindOf(row.getInt("kind"));
    MessageId id = new MessageId(row.getInt("clid"));
    long version = row.getLong("version");
    Instant recordedAt = utc(row, "recorded_at");
    if (kind == MessageEventKind.DELETED) {
      return MessageEvent.deleted(position, id, version, recordedAt);
    }
    return new MessageEvent(
        position,
        kind,
        id,
        version,
        Optional.of(
            StoredMessages.restore(
                id,
                row.getString("mess"),
                row.getString("sid"),
                utc(row, "created_at"),
                utc(row, "updated_at"),
                version)),
        recordedAt);
  }

  private static Instant utc(ResultSet row, String column) throws SQLException {
    return row.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
  }

  @Override
  public FeedBounds bounds() {
    return DatabaseCalls.query(
        jdbi,
        handle -> {
          long last =
              handle
                  .createQuery("SELECT last_position FROM message_event_positions WHERE id = 1")
                  .mapTo(Long.class)
                  .one();
          // Read after the last position: events numbered in between only raise the minimum past
          // it, and an empty log answers last + 1.
          long first =
              handle
                  .createQuery("SELECT COALESCE(MIN(feed_position), :empty) FROM message_events")
                  .bind("empty", last + 1)
                  .mapTo(Long.class)
                  .one();
          return new FeedBounds(Math.min(first, last + 1), last);
        });
  }

  @Override
  public int purgeRecordedBefore(Instant cutoff, int limit) {
    return DatabaseCalls.query(
        jdbi,
        handle ->
            handle
                .createUpdate(
                    "DELETE FROM message_events WHERE feed_position IS NOT NULL"
                        + " AND recorded_at < :cutoff ORDER BY feed_position LIMIT :rows")
                .bind("cutoff", LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .bind("rows", limit)
                .execute());
  }
}
