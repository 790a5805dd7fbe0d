package io.messageboard.adapter.persistence.jdbi;

import io.messageboard.domain.failure.DuplicateMessageIdException;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessagePage;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.model.PageRequest;
import io.messageboard.domain.port.out.MessageRepository;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/** Message repository on MariaDB through JDBI: parameterised SQL, keyset pages, optimistic versions. */
public final class JdbiMessageRepository implements MessageRepository {

  /** Rows the driver fetches per round trip while streaming all messages; bounds memory whatever the table size. */
  static final int STREAM_FETCH_SIZE = 500;

  private static final String SELECT = "SELECT " + MessageRowMapper.COLUMNS + " FROM messages";

  private final Jdbi jdbi;
  private final MessageRowMapper mapper = new MessageRowMapper();

  public JdbiMessageRepository(DataSource dataSource) {
    this.jdbi = Jdbi.create(dataSource);
  }

  @Override
  public Message add(NewMessage message) {
    try {
      if (message.requestedId().isPresent()) {
        MessageId id = message.requestedId().get();
        jdbi.useHandle(handle -> handle.createUpdate(
                "INSERT INTO messages (clid, mess, sid, created_at, updated_at, version)"
                    + " VALUES (:clid, :mess, :sid, :createdAt, :createdAt, 1)")
            .bind("clid", id.value())
            .bind("mess", message.text().value())
            .bind("sid", message.replica().value())
            .bind("createdAt", utc(message.createdAt()))
            .execute());
        return message.storedAs(id);
      }
      long assigned = jdbi.withHandle(handle -> handle.createUpdate(
              "INSERT INTO messages (mess, sid, created_at, updated_at, version)"
                  + " VALUES (:mess, :sid, :createdAt, :createdAt, 1)")
          .bind("mess", message.text().value())
          .bind("sid", message.replica().value())
          .bind("createdAt", utc(message.createdAt()))
          .executeAndReturnGeneratedKeys()
          .mapTo(Long.class)
          .one());
      return message.storedAs(MessageId.of(assigned));
    } catch (JdbiException failure) {
      if (message.requestedId().isPresent() && SqlFailures.isDuplicateKey(failure)) {
        throw new DuplicateMessageIdException(message.requestedId().get());
      }
      throw SqlFailures.translate(failure);
    }
  }

  @Override
  public Optional<Message> findById(MessageId id) {
    return translated(() -> jdbi.withHandle(handle -> handle.createQuery(SELECT + " WHERE clid = :clid")
            .bind("clid", id.value())
            .map(mapper)
            .findOne()))
        .map(MessageRow::toMessage);
  }

  @Override
  public MessagePage findPage(PageRequest request) {
    List<MessageRow> rows = translated(() -> jdbi.withHandle(handle -> handle.createQuery(
            SELECT + " WHERE clid > :after ORDER BY clid LIMIT :limit")
        .bind("after", request.after().map(MessageId::value).orElse(0))
        .bind("limit", request.limit() + 1)
        .map(mapper)
        .list()));
    return MessagePage.fromLookahead(rows.stream().map(MessageRow::toMessage).toList(), request.limit());
  }

  @Override
  public void forEachMessage(Consumer<Message> sink) {
    // Connector/J 3.x streams a result set in batches of the fetch size instead of buffering it whole.
    translated(() -> {
      jdbi.useHandle(handle -> handle.createQuery(SELECT + " ORDER BY clid")
          .setFetchSize(STREAM_FETCH_SIZE)
          .map(mapper)
          .forEach(row -> sink.accept(row.toMessage())));
      return null;
    });
  }

  @Override
  public boolean update(Message edited) {
    return translated(() -> jdbi.withHandle(handle -> handle.createUpdate(
                "UPDATE messages SET mess = :mess, updated_at = :updatedAt, version = :version"
                    + " WHERE clid = :clid AND version = :expectedVersion")
            .bind("mess", edited.text().value())
            .bind("updatedAt", utc(edited.updatedAt()))
            .bind("version", edited.version())
            .bind("clid", edited.id().value())
            .bind("expectedVersion", edited.version() - 1)
            .execute()))
        == 1;
  }

  @Override
  public boolean delete(MessageId id, OptionalLong expectedVersion) {
    return translated(() -> jdbi.withHandle(handle -> expectedVersion.isPresent()
                ? handle.createUpdate("DELETE FROM messages WHERE clid = :clid AND version = :version")
                    .bind("clid", id.value())
                    .bind("version", expectedVersion.getAsLong())
                    .execute()
                : handle.createUpdate("DELETE FROM messages WHERE clid = :clid")
                    .bind("clid", id.value())
                    .execute()))
        == 1;
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static <T> T translated(Supplier<T> access) {
    try {
      return access.get();
    } catch (JdbiException failure) {
      throw SqlFailures.translate(failure);
    }
  }
}
