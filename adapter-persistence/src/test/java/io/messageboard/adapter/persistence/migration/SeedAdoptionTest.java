package io.messageboard.adapter.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.jdbi.JdbiMessageRepository;
import io.messageboard.adapter.persistence.testdb.TestDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabases;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageText;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.model.ReplicaId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** A database created by the seed's init.sql is taken over in place by the migrations. */
class SeedAdoptionTest {

  // The seed's init.sql, statement by statement.
  private static final String[] SEED_INIT_SQL = {
    "CREATE TABLE messages (clid INT NOT NULL, mess TEXT NOT NULL, sid TEXT NOT NULL, PRIMARY KEY (clid))",
    "INSERT INTO messages (clid, mess, sid) VALUES (1, 'Hello world from messages table!', 'abc')",
    "INSERT INTO messages (clid, mess, sid) VALUES (2, 'Test', 'def')",
    "INSERT INTO messages (clid, mess, sid) VALUES (3, 'Yeray2 is the best team from ipmd', 'abc')"
  };

  @Test
  void baselinesTheSeedTableAtVersionOneAndKeepsItsRowsUnchanged() {
    TestDatabase database = TestDatabases.fresh(SeedAdoptionTest.class);
    database.execute(SEED_INIT_SQL);

    database.migrate();

    try (HikariDataSource pool = database.ownerPool()) {
      List<Message> messages = new ArrayList<>();
      new JdbiMessageRepository(pool).forEachMessage(messages::add);
      assertThat(messages)
          .extracting(
              m -> m.id().value(),
              m -> m.text().value(),
              m -> m.replica().value(),
              Message::version)
          .containsExactly(
              tuple(1, "Hello world from messages table!", "abc", 1L),
              tuple(2, "Test", "def", 1L),
              tuple(3, "Yeray2 is the best team from ipmd", "abc", 1L));
      Jdbi jdbi = Jdbi.create(pool);
      assertThat(text(jdbi, "SELECT type FROM flyway_schema_history WHERE version = '1'"))
          .isEqualTo("BASELINE");
      assertThat(number(jdbi, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1"))
          .isEqualTo(4);
    }
  }

  @Test
  void assignsIdsAfterTheAdoptedRows() {
    TestDatabase database = TestDatabases.fresh(SeedAdoptionTest.class);
    database.execute(SEED_INIT_SQL);
    database.migrate();

    try (HikariDataSource pool = database.ownerPool()) {
      Message posted =
          new JdbiMessageRepository(pool)
              .add(
                  new NewMessage(
                      Optional.empty(),
                      new MessageText("after adoption"),
                      new ReplicaId("r1"),
                      Instant.now()));

      assertThat(posted.id().value()).isEqualTo(4);
    }
  }

  @Test
  void migratingAgainChangesNothing() {
    TestDatabase database = TestDatabases.fresh(SeedAdoptionTest.class);
    database.execute(SEED_INIT_SQL);
    database.migrate();

    try (HikariDataSource pool = database.ownerPool()) {
      assertThat(new SchemaMigrator(pool).migrate()).isZero();
      assertThat(number(Jdbi.create(pool), "SELECT COUNT(*) FROM messages")).isEqualTo(3);
    }
  }

  @Test
  void buildsAnEmptyDatabaseFromTheSeedSchemaUp() {
    TestDatabase database = TestDatabases.fresh(SeedAdoptionTest.class);

    try (HikariDataSource pool = database.ownerPool()) {
      assertThat(new SchemaMigrator(pool).migrate()).isEqualTo(4);
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

  private static String text(Jdbi jdbi, String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
  }

  private static int number(Jdbi jdbi, String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }
}
