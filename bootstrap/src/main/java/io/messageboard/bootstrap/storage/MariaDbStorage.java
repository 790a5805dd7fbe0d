package io.messageboard.bootstrap.storage;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.messageboard.adapter.persistence.jdbi.JdbiIdempotencyKeyRepository;
import io.messageboard.adapter.persistence.jdbi.JdbiMessageRepository;
import io.messageboard.adapter.persistence.migration.SchemaMigrator;
import io.messageboard.adapter.persistence.pool.MariaDbPools;
import io.messageboard.adapter.persistence.pool.PoolSettings;
import io.messageboard.domain.port.out.IdempotencyKeyRepository;
import io.messageboard.domain.port.out.MessageRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Messages in a MariaDB: schema migrated as the migration user, then served through a pool as the
 * service user.
 */
final class MariaDbStorage implements Storage {

  static final String POOL_NAME = "messageboard";

  private final HikariDataSource pool;
  private final MessageRepository repository;
  private final IdempotencyKeyRepository idempotencyKeys;
  private final String description;
  private final CompletableFuture<Void> schema;
  private final ExecutorService probes =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "storage-reachability-probe");
            thread.setDaemon(true);
            return thread;
          });
  private CompletableFuture<Boolean> probe = CompletableFuture.completedFuture(true);

  private MariaDbStorage(
      HikariDataSource pool, String description, CompletableFuture<Void> schema) {
    this.pool = pool;
    this.schema = schema;
    // As many queries for reads by id as the pool has connections: reads that would queue for a
    // connection share a query instead. Half the pool measured fewer requests per second (the
    // reads waited for each other's round trips). A read waits for its answer as long as it would
    // wait for a connection.
    this.repository =
        new JdbiMessageRepository(
            pool, pool.getMaximumPoolSize(), Duration.ofMillis(pool.getConnectionTimeout()));
    this.idempotencyKeys = new JdbiIdempotencyKeyRepository(pool);
    this.description = description;
  }

  /**
   * Starts migrating the schema at {@code connection} on a thread of its own and opens the
   * service's pool, with metrics on {@code registry}, meanwhile; {@link #awaitReady()} waits for
   * the migration.
   */
  static MariaDbStorage open(
      DatabaseConnection connection, MeterRegistry registry, String description) {
    // The pool connects lazily and needs no schema; what the caller builds next (JDBI, Jackson,
    // the HTTP routes) overlaps the migration's round trips instead of following them.
    CompletableFuture<Void> schema =
        CompletableFuture.runAsync(() -> migrate(connection), MariaDbStorage::onMigrationThread);
    PoolSettings service =
        new PoolSettings(
            POOL_NAME,
            connection.jdbcUrl(),
            connection.user(),
            connection.password(),
            connection.poolSize(),
            connection.connectionTimeout());
    HikariDataSource pool;
    try {
      pool = MariaDbPools.open(service, Optional.of(new MicrometerMetricsTrackerFactory(registry)));
    } catch (RuntimeException e) {
      awaitQuietly(schema);
      throw e;
    }
    return new MariaDbStorage(pool, description, schema);
  }

  private static void migrate(DatabaseConnection connection) {
    PoolSettings migration =
        PoolSettings.forMigrations(
            POOL_NAME + "-migration",
            connection.jdbcUrl(),
            connection.migrationUser(),
            connection.migrationPassword(),
            connection.connectionTimeout());
    try (HikariDataSource owner = MariaDbPools.open(migration)) {
      new SchemaMigrator(owner).migrate();
    }
  }

  private static void onMigrationThread(Runnable migration) {
    Thread thread = new Thread(migration, "schema-migration");
    thread.setDaemon(true);
    thread.start();
  }

  private static void awaitQuietly(CompletableFuture<Void> schema) {
    schema.handle((migrated, failure) -> null).join();
  }

  /** Waits for the schema migration; throws what it threw. */
  @Override
  public void awaitReady() {
    try {
      schema.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  @Override
  public MessageRepository repository() {
    return repository;
  }

  @Override
  public IdempotencyKeyRepository idempotencyKeys() {
    return idempotencyKeys;
  }

  @Override
  public String description() {
    return description;
  }

  /**
   * Asks a pooled connection to answer a ping; gives up after {@code timeout} while the probe
   * finishes alone.
   */
  @Override
  public boolean isReachable(Duration timeout) {
    CompletableFuture<Boolean> current;
    synchronized (this) {
      if (probe.isDone()) {
        probe = CompletableFuture.supplyAsync(this::ping, probes);
      }
      current = probe;
    }
    try {
      return current.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean ping() {
    try (Connection connection = pool.getConnection()) {
      return connection.isValid((int) Math.max(1, pool.getValidationTimeout() / 1000));
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    // A migration still running has a pool of its own; it ends before this storage counts as
    // closed.
    awaitQuietly(schema);
    probes.shutdownNow();
    pool.close();
  }
}
