package io.messageboard.adapter.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.testdb.OriginalSystemDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabases;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The rows V3 stamped with each node's own clock get one timestamp, V3's install time, so that
 * every node of a cluster holds the same bytes; rows written since keep theirs.
 */
class AdoptedRowsTimestampMigrationTest {

  private static final String UTC_TIMES =
      "SELECT clid, CONCAT(DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s.%f'), ' ',"
          + " DATE_FORMAT(updated_at, '%Y-%m-%d %H:%i:%s.%f')) FROM messages";

  @Test
  void rowsV3StampedTakeItsInstallTimeAndLaterRowsKeepTheirs() {
    TestDatabase database = TestDatabases.fresh(AdoptedRowsTimestampMigrationTest.class);
    OldReleaseRows.migrateUpTo(database, "1");
    database.execute(OriginalSystemDatabase.INIT_SQL.subList(1, 4).toArray(String[]::new));
    OldReleaseRows.migrateUpTo(database, "3");
    // What another node's clock gave the adopted row 2, some milliseconds off this one's.
    database.execute(
        "SET time_zone = '+00:00'",
        "UPDATE messages SET created_at = created_at - INTERVAL 0.437 SECOND,"
            + " updated_at = updated_at - INTERVAL 0.437 SECOND WHERE clid = 2",
        "INSERT INTO messages (clid, mess, sid, created_at, updated_at, version) VALUES"
            + " (10, 'posted later', 'r1', '2099-01-01 10:00:00.123', '2099-01-01 10:00:00.123',"
            + " 1), (11, 'edited later', 'r2', '2099-01-01 10:00:00.123',"
            + " '2099-01-01 10:00:05.456', 2)");

    assertThat(database.migrate()).isEqualTo(7);

    try (HikariDataSource pool = database.ownerPool()) {
      Jdbi jdbi = Jdbi.create(pool);
      String installedOn =
          jdbi.withHandle(
              h -> {
                h.execute("SET time_zone = '+00:00'");
                return h.createQuery(
                        "SELECT DATE_FORMAT(installed_on, '%Y-%m-%d %H:%i:%s.000000') FROM "
                            + SchemaMigrator.HISTORY_TABLE
                            + " WHERE version = '3'")
                    .mapTo(String.class)
                    .one();
              });
      String adopted = installedOn + " " + installedOn;
      assertThat(utcTimes(jdbi))
          .containsOnly(
              entry(1, adopted),
              entry(2, adopted),
              entry(3, adopted),
              entry(10, "2099-01-01 10:00:00.123000 2099-01-01 10:00:00.123000"),
              entry(11, "2099-01-01 10:00:00.123000 2099-01-01 10:00:05.456000"));
    }
  }

  private static Map<Integer, String> utcTimes(Jdbi jdbi) {
    return jdbi.withHandle(
        h -> {
          h.execute("SET time_zone = '+00:00'");
          return h
              .createQuery(UTC_TIMES)
              .map((rs, ctx) -> Map.entry(rs.getInt(1), rs.getString(2)))
              .stream()
              .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        });
  }
}
