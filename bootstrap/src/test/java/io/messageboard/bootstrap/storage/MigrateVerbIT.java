package io.messageboard.bootstrap.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.migration.SchemaStatus;
import io.messageboard.adapter.persistence.migration.SchemaVersionCheck;
import io.messageboard.adapter.persistence.testdb.TestDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabases;
import io.messageboard.bootstrap.lifecycle.RunningJar;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar messageboard.jar migrate}, the release step: exit code 0 once the schema is this
 * release's, else 2 with one line on standard error saying why.
 */
class MigrateVerbIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void migratesAFreshDatabaseAsTheOwnerAndExitsZeroThenZeroAgainWithNothingToDo() throws Exception {
    TestDatabase database = TestDatabases.fresh(MigrateVerbIT.class);
    Map<String, String> settings = owner(database.jdbcUrl(), database);
    SchemaStatus before = statusOf(database);
    String applied = "Migrated: schema at V" + before.required() + " (";

    RunningJar.Finished first = RunningJar.runVerb("migrate", settings, TIMEOUT);
    RunningJar.Finished second = RunningJar.runVerb("migrate", settings, TIMEOUT);

    assertThat(first.exitCode()).isZero();
    assertThat(first.errors()).isEmpty();
    assertThat(first.output())
        .anySatisfy(
            line -> assertThat(line).contains(applied + before.missing().size() + " migrations"));
    assertThat(second.exitCode()).isZero();
    assertThat(second.output())
        .anySatisfy(line -> assertThat(line).contains(applied + "0 migrations"));
  }

  @Test
  void anUnreachableDatabaseExitsTwoWithOneLine() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    TestDatabase database = TestDatabases.fresh(MigrateVerbIT.class);

    RunningJar.Finished run =
        RunningJar.runVerb(
            "migrate",
            owner("jdbc:mariadb://127.0.0.1:" + closedPort + "/messageboard", database),
            TIMEOUT);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith(
                        "messageboard migrate: database unreachable: cannot connect to"
                            + " jdbc:mariadb://127.0.0.1:"
                            + closedPort
                            + "/messageboard as "
                            + database.user()));
  }

  @Test
  void withoutADatabaseUrlItExitsTwoWithOneLineNamingTheSetting() throws Exception {
    RunningJar.Finished run =
        RunningJar.runVerb("migrate", Map.of("MESSAGEBOARD_STORAGE", "mariadb"), TIMEOUT);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors())
        .containsExactly(
            "messageboard migrate: bad settings: MESSAGEBOARD_DB_URL is not set: migrate needs the"
                + " database to migrate (the embedded database migrates itself at start)");
  }

  @Test
  void aSettingOutOfRangeExitsTwoWithOneLine() throws Exception {
    RunningJar.Finished run =
        RunningJar.runVerb(
            "migrate",
            Map.of(
                "MESSAGEBOARD_STORAGE", "mariadb",
                "MESSAGEBOARD_DB_URL", "jdbc:mariadb://127.0.0.1:1/messageboard",
                "MESSAGEBOARD_DB_CONNECTION_TIMEOUT", "soon"),
            TIMEOUT);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("messageboard migrate: bad settings: ")
                    .contains("MESSAGEBOARD_DB_CONNECTION_TIMEOUT"));
  }

  /** What Flyway, not the verb, says this release carries and the database still lacks. */
  private static SchemaStatus statusOf(TestDatabase database) {
    try (HikariDataSource pool = database.ownerPool()) {
      return new SchemaVersionCheck(pool).check();
    }
  }

  private static Map<String, String> owner(String url, TestDatabase database) {
    return Map.of(
        "MESSAGEBOARD_STORAGE",
        "mariadb",
        "MESSAGEBOARD_DB_URL",
        url,
        "MESSAGEBOARD_DB_USER",
        "messageboard_app",
        "MESSAGEBOARD_DB_MIGRATION_USER",
        database.user(),
        "MESSAGEBOARD_DB_MIGRATION_PASSWORD",
        database.password());
  }
}
