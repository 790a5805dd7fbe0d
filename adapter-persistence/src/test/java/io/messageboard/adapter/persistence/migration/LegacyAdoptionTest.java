package io.messageboard.adapter.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.jdbi.JdbiMessageRepository;
import io.messageboard.adapter.persistence.testdb.OriginalSystemDatabase;
import io.messageboard.adapter.persistence.testdb.OriginalSystemDatabase.Row;
import io.messageboard.adapter.persistence.testdb.TestDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabases;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessagePage;
import io.messageboard.domain.model.MessageText;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.model.PageRequest;
import io.messageboard.domain.model.ReplicaId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database the original system produced (its init.sql, and rows its API accepted that today's
 * rules refuse) is taken over in place by the migrations, and every row stays readable as stored.
 */
class LegacyAdoptionTest {

  private static final Logger log = LoggerFactory.getLogger(LegacyAdoptionTest.class);

  @Test
  void baselinesTheLegacyTableAtVersionOneAndKeepsItsRowsUnchanged() {
    TestDatabase database = TestDatabases.fresh(LegacyAdoptionTest.class);
    database.execute(OriginalSystemDatabase.INIT_SQL.toArray(String[]::new));

    database.migrate();

    try (HikariDataSource pool = database.ownerPool()) {
      assertThat(everyMessage(pool))
          .extracting(m -> m.id().value(), Message::text, Message::replica, Message::version)
          .containsExactly(
              tuple(1, "Hello world from messages table!", "abc", 1L),
              tuple(2, "Test", "def", 1L),
              tuple(3, "Yeray2 is the best team from ipmd", "abc", 1L));
      Jdbi jdbi = Jdbi.create(pool);
      assertThat(text(jdbi, "SELECT type FROM flyway_schema_history WHERE version = '1'"))
          .isEqualTo("BASELINE");
      assertThat(number(jdbi, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1"))
          .isEqualTo(10);
    }
  }

  @Test
  void migratesEveryRowTheOriginalSystemCouldStoreAndServesItExactlyAsStored() {
    TestDatabase database = TestDatabases.fresh(LegacyAdoptionTest.class);
    OriginalSystemDatabase.build(database);

    assertThat(database.migrate()).isEqualTo(9);

    try (HikariDataSource pool = database.ownerPool()) {
      JdbiMessageRepository repository = new JdbiMessageRepository(pool);
      assertThat(everyMessage(pool))
          .extracting(LegacyAdoptionTest::row)
          .containsExactlyElementsOf(OriginalSystemDatabase.ROWS);
      assertThat(everyPage(repository, 4))
          .extracting(LegacyAdoptionTest::row)
          .containsExactlyElementsOf(OriginalSystemDatabase.ROWS);
      for (Row row : OriginalSystemDatabase.ROWS) {
        assertThat(repository.findById(new MessageId(row.clid())).map(LegacyAdoptionTest::row))
            .hasValue(row);
      }
    }
  }

  @Test
  void migratesAnEmptyLegacyTable() {
    TestDatabase database = TestDatabases.fresh(LegacyAdoptionTest.class);
    database.execute(OriginalSystemDatabase.INIT_SQL.get(0));

    assertThat(database.migrate()).isEqualTo(9);

    try (HikariDataSource pool = database.ownerPool()) {
      assertThat(everyMessage(pool)).isEmpty();
      assertThat(post(pool).id().value()).isEqualTo(1);
    }
  }

  @Test
  void migratesAHundredThousandRows() {
    TestDatabase database = TestDatabases.fresh(LegacyAdoptionTest.class);
    database.execute(OriginalSystemDatabase.INIT_SQL.get(0));
    database.execute(
        "CREATE TEMPORARY TABLE digits (d INT NOT NULL)",
        "INSERT INTO digits VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)",
        "INSERT INTO messages (clid, mess, sid)"
            + " SELECT n - 50000, CONCAT('row ', n), 'abc' FROM (SELECT 1 + a.d + 10 * b.d"
            + " + 100 * c.d + 1000 * e.d + 10000 * f.d AS n FROM digits a, digits b, digits c,"
            + " digits e, digits f) numbers");

    long started = System.nanoTime();
    assertThat(database.migrate()).isEqualTo(9);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    log.info("Migrated 100,000 legacy rows (V2 to V7) in {} ms", took.toMillis());

    try (HikariDataSource pool = database.ownerPool()) {
      Jdbi jdbi = Jdbi.create(pool);
      assertThat(number(jdbi, "SELECT COUNT(*) FROM messages")).isEqualTo(100_000);
      assertThat(number(jdbi, "SELECT MIN(clid) FROM messages")).isEqualTo(-49_999);
      assertThat(text(jdbi, "SELECT mess FROM messages WHERE clid = 0")).isEqualTo("row 50000");
      assertThat(post(pool).id().value()).isEqualTo(50_001);
    }
  }

  @Test
  void assignsIdsAfterTheAdoptedRows() {
    TestDatabase database = TestDatabases.fresh(LegacyAdoptionTest.class);
    database.execute(OriginalSystemDatabase.INIT_SQL.toArray(String[]::new));
    database.execute("INSERT INTO messages (clid, mess, sid) VALUES (0, 'zero id', 'abc')");
    database.migrate();

    try (HikariDataSource pool = database.ownerPool()) {
      assertThat(post(pool).id().value()).isEqualTo(4);
      assertThat(new JdbiMessageRepository(pool).findById(new MessageId(0)))
          .map(Message::text)
          .hasValue("zero id");
    }
  }

  @Test
  void aMigrationThatFailedOnAnEarlierStartIsReportedWithTheSchemaStateAndTheWayOn() {
    TestDatabase database = TestDatabases.fresh(LegacyAdoptionTest.class);
    OriginalSystemDatabase.build(database);
    assertThatThrownBy(() -> OriginalSystemDatabase.migrateAsThePreviousRelease(database))
        .isInstanceOf(FlywayException.class)
        .hasMessageContaining("resequencing");

    try (HikariDataSource pool = database.migrationPool()) {
      assertThatThrownBy(() -> new SchemaMigrator(pool).migrate())
          .isInstanceOf(SchemaStateException.class)
          .hasMessageContaining("Schema migration V4 (messages clid auto increment) failed")
          .hasMessageContaining("on an earlier run")
          .hasMessageContaining(
              "V1 table messages: yes; V2 utf8mb4 with a binary collation: yes;"
                  + " V3 columns created_at, updated_at and version: yes; V4 AUTO_INCREMENT on clid:"
                  + " no")
          .hasMessageContaining(
              "DELETE FROM flyway_schema_history WHERE version = '4' AND success = 0;");
    }

    database.execute("DELETE FROM flyway_schema_history WHERE version = '4' AND success = 0");
    assertThat(database.migrate()).isEqualTo(7);

    try (HikariDataSource pool = database.ownerPool()) {
      assertThat(everyMessage(pool))
          .extracting(LegacyAdoptionTest::row)
          .containsExactlyElementsOf(OriginalSystemDatabase.ROWS);
    }
  }

  @Test
  void migratingAgainChangesNothing() {
    TestDatabase database = TestDatabases.fresh(LegacyAdoptionTest.class);
    OriginalSystemDatabase.build(database);
    database.migrate();

    assertThat(database.migrate()).isZero();
    try (HikariDataSource pool = database.ownerPool()) {
      assertThat(number(Jdbi.create(pool), "SELECT COUNT(*) FROM messages"))
          .isEqualTo(OriginalSystemDatabase.ROWS.size());
    }
  }

  @Test
  void buildsAnEmptyDatabaseFromTheOriginalSchemaUp() {
    TestDatabase database = TestDatabases.fresh(LegacyAdoptionTest.class);

    assertThat(database.migrate()).isEqualTo(10);

    try (HikariDataSource pool = database.ownerPool()) {
      Jdbi jdbi = Jdbi.create(pool);
      assertThat(text(jdbi, "SELECT script FROM flyway_schema_history WHERE version = '1'"))
          .isEqualTo("V1__seed_messages_table.sql");
      assertThat(
              text(
                  jdbi,
                  "SELECT table_collation FROM information_schema.tables"
                      + " WHERE table_schema = DATABASE() AND table_name = 'messages'"))
          .isEqualTo("utf8mb4_bin");
      List<String> columns =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "SELECT CONCAT(column_name, ' ', column_type, ' ', extra) FROM information_schema.columns"
                              + " WHERE table_schema = DATABASE() AND table_name = 'messages' ORDER BY ordinal_position")
                      .mapTo(String.class)
                      .list());
      assertThat(columns)
          .containsExactly(
              "clid int(11) auto_increment",
              "mess text ",
              "sid text ",
              "created_at datetime(3) ",
              "updated_at datetime(3) ",
              "version bigint(20) ");
    }
  }

  private static Row row(Message message) {
    return new Row(message.id().value(), message.text(), message.replica());
  }

  private static List<Message> everyMessage(HikariDataSource pool) {
    List<Message> messages = new ArrayList<>();
    new JdbiMessageRepository(pool).forEachMessage(messages::add);
    return messages;
  }

  private static List<Message> everyPage(JdbiMessageRepository repository, int limit) {
    List<Message> messages = new ArrayList<>();
    Optional<MessageId> after = Optional.empty();
    do {
      MessagePage page = repository.findPage(new PageRequest(after, limit));
      messages.addAll(page.items());
      after = page.nextAfter();
    } while (after.isPresent());
    return messages;
  }

  private static Message post(HikariDataSource pool) {
    return new JdbiMessageRepository(pool)
        .add(
            new NewMessage(
                Optional.empty(),
                new MessageText("after adoption"),
                new ReplicaId("r1"),
                Instant.now()));
  }

  private static String text(Jdbi jdbi, String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
  }

  private static int number(Jdbi jdbi, String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }
}
