package io.messageboard.adapter.persistence.jdbi;

import io.messageboard.domain.feed.MessageEventKind;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessagePage;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.model.PageRequest;
import io.messageboard.domain.port.out.MessageRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Message repository on MariaDB through JDBI: parameterised SQL, keyset pages, optimistic versions;
 * each change records its change-feed row in its own transaction (MessageEventRecords). Reads by id
 * and posts that arrive together share a query and a transaction (CoalescedPointReads,
 * CoalescedWrites).
 */
public final class JdbiMessageRepository implements MessageRepository {

  /**
   * Rows per keyset batch of {@link #forEachMessage}: one short query each, so memory holds one
   * batch (at most 100 rows, and no more than a page's text budget) and a connection is held only
   * while the batch is read.
   */
  static final int EXPORT_BATCH_SIZE = 100;

  private static final String SELECT = "SELECT " + MessageRowMapper.COLUMNS + " FROM messages";

  /**
   * Rows the driver holds at a time while a page or batch is read: the result is streamed, so a
   * page of long texts is never in memory whole, and reading stops once the page is full.
   */
  private static final int FETCH_ROWS = 16;

  /** How long a read by id or a post waits for its turn when no pool timeout is given. */
  static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

  private final Jdbi jdbi;
  private final MessageRowMapper mapper = new MessageRowMapper();
  private final CoalescedPointReads<MessageRow> pointReads;
  private final CoalescedWrites<NewMessage, Message> posts;

  /**
   * A repository whose reads by id run one query at a time and whose posts commit one batch at a
   * time, coalesced, waiting up to 5 s.
   */
  public JdbiMessageRepository(DataSource dataSource) {
    this(dataSource, 1, 1, DEFAULT_WAIT);
  }

  /**
   * A repository on {@code dataSource} whose reads by id that wait at the same time share a query,
   * and whose posts that wait at the same time share a transaction: at most {@code
   * concurrentReadQueries} such queries and {@code concurrentWriteBatches} such transactions run at
   * once, and a read or post waits at most {@code wait} (the pool's connection timeout) for its
   * turn.
   */
  public JdbiMessageRepository(
      DataSource dataSource, int concurrentReadQueries, int concurrentWriteBatches, Duration wait) {
    this.jdbi = QuietJdbi.over(dataSource);
    this.pointReads = new CoalescedPointReads<>(concurrentReadQueries, wait, this::findByIds);
    this.posts = new CoalescedWrites<>(concurrentWriteBatches, wait, this::addAll);
  }

  @Override
  public Message add(NewMessage message) {
    return posts.write(message);
  }

  // Not repeated when refused: a post without an idempotency key is the one write that a second
  // run would store twice if the refusal were wrong.
  private List<WriteOutcome<Message>> addAll(List<NewMessage> messages) {
    return DatabaseCalls.transaction(
        jdbi, false, handle -> MessageBatchInserts.insertAll(handle, messages));
  }

  @Override
  public Optional<Message> findById(MessageId id) {
    return pointReads.read(id.value()).map(MessageRow::toMessage);
  }

  private Map<Integer, MessageRow> findByIds(List<Integer> ids) {
    List<MessageRow> rows =
        DatabaseCalls.query(
            jdbi,
            handle ->
                handle
                    .createQuery(SELECT + " WHERE clid IN (<ids>)")
                    .bindList("ids", ids)
                    .map(mapper)
                    .list());
    Map<Integer, MessageRow> byId = new HashMap<>(rows.size() * 2);
    rows.forEach(row -> byId.put(row.clid(), row));
    return byId;
  }

  @Override
  public MessagePage findPage(PageRequest request) {
    Rows rows = rowsAfter(request.after(), request.limit());
    List<Message> items = rows.kept().stream().map(MessageRow::toMessage).toList();
    return MessagePage.ofKept(items, rows.more());
  }

  /**
   * Hands every message to {@code sink} in id order, in keyset batches of {@link
   * #EXPORT_BATCH_SIZE}. Each batch is read on a connection of its own that goes back to the pool
   * before the sink sees the batch, so a slow sink holds no connection. The export is therefore not
   * one snapshot: messages added, edited or deleted while it runs may or may not appear (in their
   * old or new state), but each id appears at most once, in increasing order.
   */
  @Override
  public void forEachMessage(Consumer<Message> sink) {
    Optional<MessageId> after = Optional.empty();
    Rows batch;
    do {
      batch = rowsAfter(after, EXPORT_BATCH_SIZE);
      for (MessageRow row : batch.kept()) {
        sink.accept(row.toMessage());
      }
      if (!batch.kept().isEmpty()) {
        after = Optional.of(new MessageId(batch.kept().get(batch.kept().size() - 1).clid()));
      }
    } while (batch.more());
  }

  // Without a key the first rows are the lowest ids, 0 and negative ones adopted from the original
  // system included. Rows are read one by one up to the first the page leaves out (past the limit,
  // or once the texts before it reach the budget), which only proves that more follow.
  private Rows rowsAfter(Optional<MessageId> after, int limit) {
    return DatabaseCalls.query(
        jdbi,
        handle -> {
          Query query =
              after
                  .map(
                      key ->
                          handle
                              .createQuery(
                                  SELECT + " WHERE clid > :after ORDER BY clid LIMIT :rows")
                              .bind("after", key.value()))
                  .orElseGet(() -> handle.createQuery(SELECT + " ORDER BY clid LIMIT :rows"));
          return query
              .bind("rows", limit + 1)
              .setFetchSize(FETCH_ROWS)
              .map(mapper)
              .withIterator(rows -> keptOf(rows, limit));
        });
  }

  private static Rows keptOf(Iterator<MessageRow> rows, int limit) {
    List<MessageRow> kept = new ArrayList<>();
    MessagePage.Fill fill = new MessagePage.Fill(limit);
    while (rows.hasNext()) {
      MessageRow row = rows.next();
      if (!fill.hasRoom()) {
        return new Rows(kept, true);
      }
      kept.add(row);
      fill.take(row.mess());
    }
    return new Rows(kept, false);
  }

  /** The rows a page or batch keeps, and whether another row follows them. */
  private record Rows(List<MessageRow> kept, boolean more) {}

  @Override
  public boolean update(Message edited) {
    // Conditional on the version it replaces, so a repeat after a refusal cannot apply twice.
    return DatabaseCalls.transaction(
        jdbi,
        true,
        handle -> {
          boolean replaced =
              handle
                      .createUpdate(
                          "UPDATE messages SET mess = :mess, updated_at = :updatedAt,"
                              + " version = :version WHERE clid = :clid AND version = :expected")
                      .bind("mess", edited.text())
                      .bind("updatedAt", utc(edited.updatedAt()))
                      .bind("version", edited.version())
                      .bind("clid", edited.id().value())
                      .bind("expected", edited.version() - 1)
                      .execute()
                  == 1;
          if (replaced) {
            MessageEventRecords.record(handle, MessageEventKind.EDITED, edited);
          }
          return replaced;
        });
  }

  @Override
  public boolean delete(MessageId id, OptionalLong expectedVersion) {
    // With a version: conditional, so it may be repeated. Without: not repeated when refused, as a
    // second run would answer 404 for a delete that happened. RETURNING names the version deleted.
    return DatabaseCalls.transaction(
        jdbi,
        expectedVersion.isPresent(),
        handle -> {
          Optional<Long> deleted =
              expectedVersion.isPresent()
                  ? handle
                      .createQuery(
                          "DELETE FROM messages WHERE clid = :clid AND version = :version"
                              + " RETURNING version")
                      .bind("clid", id.value())
                      .bind("version", expectedVersion.getAsLong())
                      .mapTo(Long.class)
                      .findOne()
                  : handle
                      .createQuery("DELETE FROM messages WHERE clid = :clid RETURNING version")
                      .bind("clid", id.value())
                      .mapTo(Long.class)
                      .findOne();
          deleted.ifPresent(version -> MessageEventRecords.recordDeletion(handle, id, version));
          return deleted.isPresent();
        });
  }

  private static LocalDateTime utc(Instant instant) {
    return MessageInserts.utc(instant);
  }
}
