package io.messageboard.adapter.persistence.pool;

import java.time.Duration;
import java.util.Objects;

/** Where and how a connection pool connects: JDBC URL, credentials, size and how long a caller may wait. */
public record PoolSettings(
    String poolName, String jdbcUrl, String user, String password, int maximumSize, Duration connectionTimeout) {

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
    if (maximumSize < 1) {
      throw new IllegalArgumentException("maximumSize must be at least 1, was " + maximumSize);
    }
    if (connectionTimeout.toMillis() < 250) {
      throw new IllegalArgumentException("connectionTimeout must be at least 250ms, was " + connectionTimeout);
    }
  }

  @Override
  public String toString() {
    return "PoolSettings[poolName=%s, jdbcUrl=%s, user=%s, maximumSize=%d, connectionTimeout=%s]"
        .formatted(poolName, jdbcUrl, user, maximumSize, connectionTimeout);
  }
}
