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
    if (connectionTimeout.toMillis() < 250) {
      throw new IllegalArgumentException(
          "connectionTimeout must be at least 250ms, was " + connectionTimeout);
    }
    if (socketTimeout.toMillis() < 250) {
      throw new IllegalArgumentException(
          "socketTimeout must be at least 250ms, was " + socketTimeout);
    }
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
