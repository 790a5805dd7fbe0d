package io.messageboard.adapter.persistence.pool;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how a connection pool connects: JDBC URL, credentials, size, how long a caller may wait
 * for a connection, and how long a statement may wait for the server's answer before the connection
 * is given up.
 */
public record PoolSettings(
    String poolName,
    String jdbcUrl,
    String user,
    String password,
    int maximumSize,
    Duration connectionTimeout,
    Duration socketTimeout) {

  /**
   * How long a connection waits for the server before giving up on it. The service's slowest
   * statement is a keyset batch of {@code JdbiMessageRepository}'s export (milliseconds on a
   * primary-key range); ten seconds leaves a wide margin above it while a stalled server is still
   * noticed within a few retries of a client.
   */
  public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Socket timeout of the pool that runs schema migrations: a schema change on a large table may
   * take far longer than any query of the service (V4 on 100,000 rows takes seconds; tables a
   * thousand times larger take minutes), yet a migration against a server that stopped answering
   * must still end.
   */
  public static final Duration MIGRATION_SOCKET_TIMEOUT = Duration.ofHours(1);

  /** Shortest connection or socket timeout a pool accepts. */
  public static final Duration MINIMUM_TIMEOUT = Duration.ofMillis(250);

  /** HikariCP's starting point for a pool: about twice the number of cores. */
  public static int defaultSize() {
    return 2 * Runtime.getRuntime().availableProcessors();
  }

  public PoolSettings {
    Objects.requireNonNull(poolName, "poolName");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    Objects.requireNonNull(socketTimeout, "socketTimeout");
    if (maximumSize < 1) {
      throw new IllegalArgumentException("maximumSize must be at least 1, was " + maximumSize);
    }
    requireAtLeastMinimum("connectionTimeout", connectionTimeout);
    requireAtLeastMinimum("socketTimeout", socketTimeout);
  }

  private static void requireAtLeastMinimum(String name, Duration timeout) {
    if (timeout.compareTo(MINIMUM_TIMEOUT) < 0) {
      throw new IllegalArgumentException(
          name + " must be at least " + MINIMUM_TIMEOUT.toMillis() + "ms, was " + timeout);
    }
  }

  /** A one-connection pool for schema migrations, with the {@link #MIGRATION_SOCKET_TIMEOUT}. */
  public static PoolSettings forMigrations(
      String poolName, String jdbcUrl, String user, String password, Duration connectionTimeout) {
    return new PoolSettings(
        poolName, jdbcUrl, user, password, 1, connectionTimeout, MIGRATION_SOCKET_TIMEOUT);
  }

  /** Settings with the {@link #DEFAULT_SOCKET_TIMEOUT}. */
  public PoolSettings(
      String poolName,
      String jdbcUrl,
      String user,
      String password,
      int maximumSize,
      Duration connectionTimeout) {
    this(poolName, jdbcUrl, user, password, maximumSize, connectionTimeout, DEFAULT_SOCKET_TIMEOUT);
  }

  @Override
  public String toString() {
    return "PoolSettings[poolName=%s, jdbcUrl=%s, user=%s, maximumSize=%d, connectionTimeout=%s, socketTimeout=%s]"
        .formatted(poolName, jdbcUrl, user, maximumSize, connectionTimeout, socketTimeout);
  }
}
