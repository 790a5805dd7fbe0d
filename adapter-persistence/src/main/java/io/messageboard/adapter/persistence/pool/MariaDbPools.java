package io.messageboard.adapter.persistence.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import java.time.Duration;
import java.util.Optional;

/**
 * Opens HikariCP pools on MariaDB Connector/J 3.x, tuned to fail fast and to heal by themselves.
 *
 * <ul>
 *   <li>Fixed size ({@code minimumIdle = maximumPoolSize}), as HikariCP recommends; about 2 x cores
 *       by default.
 *   <li>{@code connectionTimeout} of a few seconds: a caller waits at most that long for a
 *       connection, then the repository reports the storage as unavailable. The driver's own {@code
 *       connectTimeout} is the same, so a refused or silent server is noticed within it too.
 *   <li>{@code initializationFailTimeout = -1}: the pool starts even while the database is down and
 *       fills itself once it returns; no restart is needed.
 *   <li>Prepared statements: Connector/J 3.x defaults to client-side prepared statements (the
 *       driver escapes parameters into the query text), unlike the server-side statements MySQL's
 *       tuning advice assumes. We turn on {@code useServerPrepStmts}: parameters travel in the
 *       binary protocol, never inside SQL text; the driver pipelines PREPARE and EXECUTE into one
 *       round trip; and with {@code cachePrepStmts} (on by default) each connection keeps its
 *       prepared statements, sized by {@code prepStmtCacheSize} well above the repository's handful
 *       of distinct statements.
 *   <li>{@code socketTimeout} ({@link PoolSettings#socketTimeout()}, 10 s by default): a statement
 *       on an already-open connection whose server stops answering (stalled process, lost network)
 *       fails after that long instead of hanging its caller forever; the connection is then
 *       discarded. Schema migrations, which may legitimately run longer, get a pool of their own
 *       with a long but finite one ({@link PoolSettings#forMigrations}).
 *   <li>{@code dumpQueriesOnException} stays off (pinned here): driver exception messages then
 *       never carry the statement or its parameters, which hold message text.
 * </ul>
 */
public final class MariaDbPools {

  private static final String DRIVER = "org.mariadb.jdbc.Driver";
  private static final int PREPARED_STATEMENT_CACHE_SIZE = 64;

  private MariaDbPools() {}

  public static HikariDataSource open(PoolSettings settings) {
    return open(settings, Optional.empty());
  }

  /** Opens a pool whose metrics go to {@code metrics} when given. */
  public static HikariDataSource open(
      PoolSettings settings, Optional<MetricsTrackerFactory> metrics) {
    return new HikariDataSource(config(settings, metrics));
  }

  static HikariConfig config(PoolSettings settings, Optional<MetricsTrackerFactory> metrics) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(settings.poolName());
    config.setDriverClassName(DRIVER);
    config.setJdbcUrl(mariaDbScheme(settings.jdbcUrl()));
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.maximumSize());
    config.setMinimumIdle(settings.maximumSize());
    long timeout = settings.connectionTimeout().toMillis();
    config.setConnectionTimeout(timeout);
    config.setValidationTimeout(
        Math.max(PoolSettings.MINIMUM_TIMEOUT.toMillis(), Math.min(timeout / 2, 1_000)));
    config.setInitializationFailTimeout(-1);
    config.setKeepaliveTime(Duration.ofMinutes(2).toMillis());
    config.addDataSourceProperty("connectTimeout", Long.toString(timeout));
    config.addDataSourceProperty(
        "socketTimeout", Long.toString(settings.socketTimeout().toMillis()));
    config.addDataSourceProperty("dumpQueriesOnException", "false");
    config.addDataSourceProperty("useServerPrepStmts", "true");
    config.addDataSourceProperty("cachePrepStmts", "true");
    config.addDataSourceProperty(
        "prepStmtCacheSize", Integer.toString(PREPARED_STATEMENT_CACHE_SIZE));
    metrics.ifPresent(config::setMetricsTrackerFactory);
    return config;
  }

  // A jdbc:mysql: URL names the same server; Connector/J 3.x only answers to jdbc:mariadb: by
  // default.
  static String mariaDbScheme(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:mysql:")
        ? "jdbc:mariadb:" + jdbcUrl.substring("jdbc:mysql:".length())
        : jdbcUrl;
  }
}
