package io.messageboard.adapter.persistence.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the {@code messages} schema to the current version with Flyway; adopts a legacy database
 * in place.
 *
 * <p>V1 is the original system's table. A database that already has a {@code messages} table but no
 * Flyway history is the original system's: it is baselined at V1 and migrated from there, so its
 * rows stay and nothing is dropped. The original system accepted any integer as {@code clid}, 0
 * included; migrations therefore run with {@code NO_AUTO_VALUE_ON_ZERO} ({@link KeepZeroIds}).
 *
 * <p>MariaDB cannot roll back DDL: a migration that fails stays recorded as failed, and Flyway
 * refuses to go on. The next run then reports which migration failed, which of the migrations'
 * changes the table actually has, and the one statement that lets the migrations go on ({@link
 * SchemaStateException}).
 *
 * <p>Run it with a user that may alter the schema, on a pool with a long socket timeout ({@code
 * PoolSettings.forMigrations}); the service itself needs only SELECT, INSERT, UPDATE and DELETE.
 */
public final class SchemaMigrator {

  /** Where the migrations live on the classpath. */
  public static final String LOCATION = "classpath:db/messageboard";

  /** Flyway's history table in the database. */
  public static final String HISTORY_TABLE = "flyway_schema_history";

  private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

  private final DataSource ownerDataSource;

  public SchemaMigrator(DataSource ownerDataSource) {
    this.ownerDataSource = ownerDataSource;
  }

  /**
   * Applies pending migrations; returns how many ran.
   *
   * @throws SchemaStateException when a migration failed, now or on an earlier run
   */
  public int migrate() {
    Flyway flyway = configure(ownerDataSource).callbacks(new KeepZeroIds()).load();
    if (isUnversionedLegacyTable()) {
      log.info(
          "Adopting an existing messages table without migration history: baselining it at version 1");
      flyway.baseline();
    }
    requireNoFailedMigration(flyway, "on an earlier run");
    try {
      return flyway.migrate().migrationsExecuted;
    } catch (FlywayException e) {
      String reason = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
      requireNoFailedMigration(flyway, "just now (" + reason.strip() + ")");
      throw e;
    }
  }

  /** Flyway as every command of this class and {@link SchemaVersionCheck} uses it. */
  static FluentConfiguration configure(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations(LOCATION)
        .table(HISTORY_TABLE)
        .baselineVersion("1")
        .baselineDescription("adopted legacy messages table")
        .cleanDisabled(true);
  }

  private void requireNoFailedMigration(Flyway flyway, String when) {
    Optional<MigrationInfo> failed =
        Arrays.stream(flyway.info().all())
            .filter(info -> info.getState() == MigrationState.FAILED)
            .findFirst();
    if (failed.isPresent()) {
      throw new SchemaStateException(
          failed.get().getVersion().getVersion(), failed.get().getDescription(), when, inspect());
    }
  }

  private SchemaState inspect() {
    try (Connection connection = ownerDataSource.getConnection()) {
      return SchemaState.of(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot inspect the schema after a failed migration", e);
    }
  }

  private boolean isUnversionedLegacyTable() {
    try (Connection connection = ownerDataSource.getConnection()) {
      return SchemaState.hasTable(connection, "messages")
          && !SchemaState.hasTable(connection, HISTORY_TABLE);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot inspect the schema before migrating it", e);
    }
  }
}
