package io.messageboard.adapter.persistence.testdb;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.migration.SchemaMigrator;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * A database as the original (Flask) system left it: its init.sql (table and three demo rows) and
 * rows its API accepted although today's input rules refuse them, all written with plain SQL.
 */
public final class OriginalSystemDatabase {

  /** One row of the original table, as stored. */
  public record Row(int clid, String mess, String sid) {}

  /** The original system's init.sql, statement by statement. */
  public static final List<String> INIT_SQL =
      List.of(
          "CREATE TABLE messages (clid INT NOT NULL, mess TEXT NOT NULL, sid TEXT NOT NULL,"
              + " PRIMARY KEY (clid))",
          "INSERT INTO messages (clid, mess, sid) VALUES"
              + " (1, 'Hello world from messages table!', 'abc')",
          "INSERT INTO messages (clid, mess, sid) VALUES (2, 'Test', 'def')",
          "INSERT INTO messages (clid, mess, sid) VALUES"
              + " (3, 'Yeray2 is the best team from ipmd', 'abc')");

  /** Rows the original API accepted (any integer clid, any mess) under its container hostname. */
  public static final List<String> ODD_ROWS_SQL =
      List.of(
          "INSERT INTO messages (clid, mess, sid) VALUES (0, 'zero id', 'abc')",
          "INSERT INTO messages (clid, mess, sid) VALUES (-7, 'negative id', 'abc')",
          "INSERT INTO messages (clid, mess, sid) VALUES (-2147483648, 'lowest id', 'abc')",
          "INSERT INTO messages (clid, mess, sid) VALUES (2147483647, 'highest id', 'abc')",
          "INSERT INTO messages (clid, mess, sid) VALUES (10, '', 'abc')",
          "INSERT INTO messages (clid, mess, sid) VALUES (11, '   ', 'abc')",
          "INSERT INTO messages (clid, mess, sid) VALUES (12, CONCAT('bell', CHAR(7)), 'abc')",
          "INSERT INTO messages (clid, mess, sid) VALUES (13, REPEAT('x', 10001), 'abc')",
          "INSERT INTO messages (clid, mess, sid) VALUES (14, 'odd sid', 'host with space')",
          "INSERT INTO messages (clid, mess, sid) VALUES (15, 'long sid', REPEAT('h', 65))");

  /** Every row above, in id order, exactly as stored. */
  public static final List<Row> ROWS =
      List.of(
          new Row(Integer.MIN_VALUE, "lowest id", "abc"),
          new Row(-7, "negative id", "abc"),
          new Row(0, "zero id", "abc"),
          new Row(1, "Hello world from messages table!", "abc"),
          new Row(2, "Test", "def"),
          new Row(3, "Yeray2 is the best team from ipmd", "abc"),
          new Row(10, "", "abc"),
          new Row(11, "   ", "abc"),
          new Row(12, "bell\u0007", "abc"),
          new Row(13, "x".repeat(10_001), "abc"),
          new Row(14, "odd sid", "host with space"),
          new Row(15, "long sid", "h".repeat(65)),
          new Row(Integer.MAX_VALUE, "highest id", "abc"));

  private OriginalSystemDatabase() {}

  /**
   * Runs the migrations as the release before this one did, without {@code NO_AUTO_VALUE_ON_ZERO}:
   * on a table holding {@code clid = 0}, V4 fails and stays recorded as failed.
   */
  public static void migrateAsThePreviousRelease(TestDatabase database) {
    try (HikariDataSource pool = database.migrationPool()) {
      Flyway flyway =
          Flyway.configure()
              .dataSource(pool)
              .locations(SchemaMigrator.LOCATION)
              .table(SchemaMigrator.HISTORY_TABLE)
              .baselineVersion("1")
              .load();
      flyway.baseline();
      flyway.migrate();
    }
  }

  /** Creates the original table with its demo rows and every odd row in {@code database}. */
  public static void build(TestDatabase database) {
    database.execute(INIT_SQL.toArray(String[]::new));
    database.execute(ODD_ROWS_SQL.toArray(String[]::new));
  }
}
