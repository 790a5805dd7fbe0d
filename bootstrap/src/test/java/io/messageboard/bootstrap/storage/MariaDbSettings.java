package io.messageboard.bootstrap.storage;

import io.messageboard.bootstrap.config.Setting;
import io.messageboard.bootstrap.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Settings for tests on MariaDB: free ports, no drain, and either an embedded server or a given
 * database.
 */
final class MariaDbSettings {

  private MariaDbSettings() {}

  static Settings embedded(Path dataDirectory) {
    Map<String, String> environment = base();
    environment.put(Setting.DATA_DIR.environmentVariable(), dataDirectory.toString());
    return Settings.from(environment, Map.of());
  }

  static Settings external(String jdbcUrl, String user, String password) {
    return external(jdbcUrl, user, password, user, password);
  }

  static Settings external(
      String jdbcUrl, String user, String password, Duration connectionTimeout) {
    Map<String, String> environment = externalEnvironment(jdbcUrl, user, password, user, password);
    environment.put(
        Setting.DB_CONNECTION_TIMEOUT.environmentVariable(), connectionTimeout.toMillis() + "ms");
    return Settings.from(environment, Map.of());
  }

  static Settings external(
      String jdbcUrl,
      String user,
      String password,
      String migrationUser,
      String migrationPassword) {
    return Settings.from(
        externalEnvironment(jdbcUrl, user, password, migrationUser, migrationPassword), Map.of());
  }

  private static Map<String, String> externalEnvironment(
      String jdbcUrl,
      String user,
      String password,
      String migrationUser,
      String migrationPassword) {
    Map<String, String> environment = base();
    environment.put(Setting.DB_URL.environmentVariable(), jdbcUrl);
    environment.put(Setting.DB_USER.environmentVariable(), user);
    environment.put(Setting.DB_PASSWORD.environmentVariable(), password);
    environment.put(Setting.DB_MIGRATION_USER.environmentVariable(), migrationUser);
    environment.put(Setting.DB_MIGRATION_PASSWORD.environmentVariable(), migrationPassword);
    environment.put(Setting.DB_CONNECTION_TIMEOUT.environmentVariable(), "2s");
    return environment;
  }

  private static Map<String, String> base() {
    Map<String, String> environment = new HashMap<>();
    environment.put(Setting.HTTP_PORT.environmentVariable(), "0");
    environment.put(Setting.MANAGEMENT_PORT.environmentVariable(), "0");
    environment.put(Setting.REPLICA_ID.environmentVariable(), "test-replica");
    environment.put(Setting.STORAGE.environmentVariable(), "mariadb");
    environment.put(Setting.SHUTDOWN_DRAIN.environmentVariable(), "0s");
    environment.put(Setting.SHUTDOWN_TIMEOUT.environmentVariable(), "5s");
    return environment;
  }
}
