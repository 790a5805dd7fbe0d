package io.messageboard.bootstrap.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.migration.SchemaMigrator;
import io.messageboard.adapter.persistence.migration.SchemaVersionCheck;
import io.messageboard.adapter.persistence.pool.MariaDbPools;
import io.messageboard.adapter.persistence.pool.PoolSettings;
import io.messageboard.bootstrap.config.InvalidSettingException;
import io.messageboard.bootstrap.config.Setting;
import io.messageboard.bootstrap.config.Settings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The release step {@code messageboard migrate}: brings the external database's schema to this
 * release's version, once, as the schema's owner, before the release's replicas serve on it.
 */
public final class ReleaseMigration {

  private ReleaseMigration() {}

  /**
   * Migrates the database at {@code MESSAGEBOARD_DB_URL} as {@code MESSAGEBOARD_DB_MIGRATION_USER};
   * returns one line saying what it did.
   *
   * @throws InvalidSettingException when the settings name no external database
   * @throws ReleaseMigrationException when the database cannot be reached or a migration fails
   */
  public static String run(Settings settings) {
    if (settings.storage() == Settings.StorageKind.MEMORY) {
      throw new InvalidSettingException(
          "%s is memory: there is no schema to migrate"
              .formatted(Setting.STORAGE.environmentVariable()));
    }
    String url =
        settings
            .dbUrl()
            .orElseThrow(
                () ->
                    new InvalidSettingException(
                        ("%s is not set: migrate needs the database to migrate (the embedded"
                                + " database migrates itself at start)")
                            .formatted(Setting.DB_URL.environmentVariable())));
    DatabaseConnection connection = DatabaseConnection.external(url, settings);
    PoolSettings owner =
        PoolSettings.forMigrations(
            MariaDbStorage.POOL_NAME + "-migrate",
            url,
            connection.migrationUser(),
            connection.migrationPassword(),
            connection.connectionTimeout());
    try (HikariDataSource pool = MariaDbPools.open(owner)) {
      requireConnection(pool, connection);
      int applied = migrate(pool);
      String version = new SchemaVersionCheck(pool).check().applied().orElse("none");
      return "schema at V%s (%d migration%s applied now)"
          .formatted(version, applied, applied == 1 ? "" : "s");
    }
  }

  private static void requireConnection(HikariDataSource pool, DatabaseConnection connection) {
    try (Connection owner = pool.getConnection()) {
      owner.getCatalog();
    } catch (SQLException e) {
      throw new ReleaseMigrationException(
          "database unreachable: cannot connect to %s as %s: %s"
              .formatted(
                  StorageFactory.withoutParameters(connection.jdbcUrl()),
                  connection.migrationUser(),
                  firstLine(e)));
    }
  }

  private static int migrate(HikariDataSource pool) {
    try {
      return new SchemaMigrator(pool).migrate();
    } catch (RuntimeException e) {
      // SchemaStateException's message says which migration failed and what to do, in one line.
      throw new ReleaseMigrationException("migration failed: " + firstLine(e));
    }
  }

  private static String firstLine(Exception e) {
    String message = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
    return message.strip().lines().findFirst().orElse(message);
  }
}
