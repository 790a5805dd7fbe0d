package io.messageboard.bootstrap.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.adapter.persistence.testdb.OriginalSystemDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabases;
import io.messageboard.bootstrap.lifecycle.RunningJar;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar's release step on a database where the previous release's V4 failed: {@code
 * migrate} refuses with one line saying what state the schema is in and what to do, not a stack
 * trace, and exits 2.
 */
class FailedMigrationStartIT {

  @Test
  void migrateAfterAFailedMigrationSaysWhatStateTheSchemaIsInOnOneLineAndExitsTwo()
      throws Exception {
    TestDatabase database = TestDatabases.fresh(FailedMigrationStartIT.class);
    OriginalSystemDatabase.build(database);
    assertThatThrownBy(() -> OriginalSystemDatabase.migrateAsThePreviousRelease(database))
        .as("V4 fails on clid 0, as it did for users of the previous release")
        .hasMessageContaining("resequencing");

    RunningJar.Finished run =
        RunningJar.runVerb(
            "migrate",
            Map.of(
                "MESSAGEBOARD_STORAGE", "mariadb",
                "MESSAGEBOARD_DB_URL", database.jdbcUrl(),
                "MESSAGEBOARD_DB_MIGRATION_USER", database.user(),
                "MESSAGEBOARD_DB_MIGRATION_PASSWORD", database.password()),
            Duration.ofSeconds(60));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("messageboard migrate: migration failed: Schema migration V4")
                    .contains("V4 AUTO_INCREMENT on clid: no")
                    .contains("DELETE FROM flyway_schema_history WHERE version = '4'"));
    assertThat(run.output())
        .as("no stack trace")
        .noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"));
  }
}
