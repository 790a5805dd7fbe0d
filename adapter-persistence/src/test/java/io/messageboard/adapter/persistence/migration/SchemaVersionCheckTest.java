package io.messageboard.adapter.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.testdb.OriginalSystemDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabases;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A replica's read-only look at the schema: how far it is from this release's version. */
class SchemaVersionCheckTest {

  private static final String LATEST = "10";

  @Test
  void anEmptyDatabaseHasNoMigrationsAndIsNotServable() {
    TestDatabase database = TestDatabases.fresh(SchemaVersionCheckTest.class);

    SchemaStatus status = check(database);

    assertThat(status.servable()).isFalse();
    assertThat(status.applied()).isEmpty();
    assertThat(status.required()).isEqualTo(LATEST);
    assertThat(status.missing()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    assertThat(status.shortfall())
        .isEqualTo("schema has no migrations applied, this release needs V10");
  }

  @Test
  void aSchemaOfAnEarlierReleaseNamesItsVersionAndTheOneNeeded() {
    TestDatabase database = TestDatabases.fresh(SchemaVersionCheckTest.class);
    OldReleaseRows.migrateUpTo(database, "5");

    SchemaStatus status = check(database);

    assertThat(status.servable()).isFalse();
    assertThat(status.applied()).contains("5");
    assertThat(status.missing()).containsExactly("6", "7", "8", "9", "10");
    assertThat(status.unknown()).isEmpty();
    assertThat(status.failed()).isEmpty();
    assertThat(status.shortfall()).isEqualTo("schema at V5, this release needs V10");
  }

  @Test
  void theOriginalSystemsTableWithoutHistoryIsNotServableUntilMigrated() {
    TestDatabase database = TestDatabases.fresh(SchemaVersionCheckTest.class);
    OriginalSystemDatabase.build(database);

    assertThat(check(database).servable()).isFalse();
    database.migrate();
    assertThat(check(database).servable()).isTrue();
  }

  @Test
  void aMigratedSchemaIsServableAndChecksNothingIntoTheHistory() {
    TestDatabase database = TestDatabases.fresh(SchemaVersionCheckTest.class);
    database.migrate();
    int rowsBefore = historyRows(database);

    SchemaStatus status = check(database);

    assertThat(status.servable()).isTrue();
    assertThat(status)
        .isEqualTo(
            new SchemaStatus(Optional.of(LATEST), LATEST, List.of(), List.of(), Optional.empty()));
    assertThat(historyRows(database)).isEqualTo(rowsBefore);
  }

  @Test
  void aNewerReleasesMigrationIsListedAsUnknownAndTheSchemaStaysServable() {
    TestDatabase database = TestDatabases.fresh(SchemaVersionCheckTest.class);
    database.migrate();
    recordMigration(database, "1000", 1);

    SchemaStatus status = check(database);

    assertThat(status.applied()).contains("1000");
    assertThat(status.required()).as("this release's own latest").isEqualTo(LATEST);
    assertThat(status.missing()).isEmpty();
    assertThat(status.unknown()).containsExactly("1000");
    assertThat(status.servable()).isTrue();
  }

  @Test
  void aFailedMigrationIsNotServableAndNamed() {
    TestDatabase database = TestDatabases.fresh(SchemaVersionCheckTest.class);
    OldReleaseRows.migrateUpTo(database, "8");
    recordMigration(database, "9", 0);

    SchemaStatus status = check(database);

    assertThat(status.failed()).contains("9");
    assertThat(status.servable()).isFalse();
    assertThat(status.shortfall())
        .isEqualTo("migration V9 is recorded as failed, this release needs V10");
  }

  @Test
  void aMissingEarlierMigrationIsNamed() {
    SchemaStatus status =
        new SchemaStatus(Optional.of("7"), "7", List.of("6"), List.of(), Optional.empty());

    assertThat(status.servable()).isFalse();
    assertThat(status.shortfall()).isEqualTo("schema at V7 lacks V6");
  }

  @Test
  void noAppliedMigrationIsNeverServable() {
    assertThat(
            new SchemaStatus(Optional.empty(), "7", List.of(), List.of(), Optional.empty())
                .servable())
        .isFalse();
  }

  @Test
  void aSchemaAtTheVersionWithNothingMissingIsServable() {
    assertThat(
            new SchemaStatus(Optional.of("7"), "7", List.of(), List.of(), Optional.empty())
                .servable())
        .isTrue();
  }

  private static SchemaStatus check(TestDatabase database) {
    try (HikariDataSource pool = database.ownerPool()) {
      return new SchemaVersionCheck(pool).check();
    }
  }

  private static int historyRows(TestDatabase database) {
    try (HikariDataSource pool = database.ownerPool();
        var connection = pool.getConnection();
        var rows =
            connection
                .createStatement()
                .executeQuery("SELECT COUNT(*) FROM " + SchemaMigrator.HISTORY_TABLE)) {
      rows.next();
      return rows.getInt(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void recordMigration(TestDatabase database, String version, int success) {
    database.execute(
        ("INSERT INTO %s (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) SELECT MAX(installed_rank) + 1, '%s',"
                + " 'from a later release', 'SQL', 'V%s__later.sql', 0, USER(), 1, %d FROM %s")
            .formatted(
                SchemaMigrator.HISTORY_TABLE,
                version,
                version,
                success,
                SchemaMigrator.HISTORY_TABLE));
  }
}
