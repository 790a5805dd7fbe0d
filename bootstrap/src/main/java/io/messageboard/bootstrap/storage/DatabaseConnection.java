package io.messageboard.bootstrap.storage;

import io.messageboard.bootstrap.config.Settings;
import java.time.Duration;

/**
 * How the service reaches its MariaDB: URL, the service's and the migration's logins, pool size and
 * timeout.
 */
record DatabaseConnection(
    String jdbcUrl,
    String user,
    String password,
    String migrationUser,
    String migrationPassword,
    int poolSize,
    Duration connectionTimeout) {

  /** The external database named by the settings. */
  static DatabaseConnection external(String jdbcUrl, Settings settings) {
    return new DatabaseConnection(
        jdbcUrl,
        settings.dbUser(),
        settings.dbPassword(),
        settings.dbMigrationUser(),
        settings.dbMigrationPassword(),
        settings.dbPoolSize(),
        settings.dbConnectionTimeout());
  }

  @Override
  public String toString() {
    return "DatabaseConnection["
        + jdbcUrl
        + " as "
        + user
        + ", migrations as "
        + migrationUser
        + "]";
  }
}
