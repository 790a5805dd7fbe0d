package io.messageboard.adapter.persistence.testdb;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.migration.SchemaMigrator;
import io.messageboard.adapter.persistence.pool.MariaDbPools;
import io.messageboard.adapter.persistence.pool.PoolSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** An empty database of its own on a real MariaDB, reachable by a user that owns it. */
public record TestDatabase(String jdbcUrl, String user, String password) {

  /** A small pool logged in as the owner. */
  public HikariDataSource ownerPool() {
    return pool(user, password);
  }

  /** A small pool logged in as {@code login}, with a short connection timeout. */
  public HikariDataSource pool(String login, String loginPassword) {
    return MariaDbPools.open(
        new PoolSettings("test-" + login, jdbcUrl, login, loginPassword, 4, Duration.ofSeconds(2)));
  }

  /** A pool logged in as the owner with {@code size} connections and the given socket timeout. */
  public HikariDataSource ownerPool(int size, Duration socketTimeout) {
    PoolSettings settings =
        new PoolSettings(
            "test-owner-" + size,
            jdbcUrl,
            user,
            password,
            size,
            Duration.ofSeconds(2),
            socketTimeout);
    return MariaDbPools.open(settings);
  }

  /** A pool for schema migrations, logged in as the owner, as the service opens it. */
  public HikariDataSource migrationPool() {
    return MariaDbPools.open(
        PoolSettings.forMigrations(
            "test-migration", jdbcUrl, user, password, Duration.ofSeconds(2)));
  }

  /** Runs the schema migrations as the owner; returns how many ran. */
  public int migrate() {
    try (HikariDataSource owner = migrationPool()) {
      return new SchemaMigrator(owner).migrate();
    }
  }

  /** Runs SQL statements as the owner, in order; for test fixtures only. */
  public void execute(String... statements) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Fixture SQL failed on " + jdbcUrl, e);
    }
  }

  /** The database name, the last path segment of the URL. */
  public String name() {
    String path = jdbcUrl.substring(jdbcUrl.indexOf('/', "jdbc:mariadb://".length()) + 1);
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  @Override
  public String toString() {
    return "TestDatabase[" + jdbcUrl + " as " + user + "]";
  }
}
