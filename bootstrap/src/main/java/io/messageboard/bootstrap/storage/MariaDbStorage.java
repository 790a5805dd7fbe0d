package io.messageboard.bootstrap.storage;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.messageboard.adapter.persistence.jdbi.JdbiIdempotencyKeyRepository;
import io.messageboard.adapter.persistence.jdbi.JdbiMessageEventLog;
import io.messageboard.adapter.persistence.jdbi.JdbiMessageRepository;
import io.messageboard.adapter.persistence.migration.SchemaVersionCheck;
import io.messageboard.adapter.persistence.pool.MariaDbPools;
import io.messageboard.adapter.persistence.pool.PoolSettings;
import io.messageboard.domain.port.out.IdempotencyKeyRepository;
import io.messageboard.domain.port.out.MessageEventLog;
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
 * Messages in a MariaDB, served through a pool as the service user once its schema is this
 * release's: migrated by this process ({@link MigratingSchema}) or by the release step ({@link
 * AwaitedSchema}).
 */
final class MariaDbStorage implements Storage {

  static final String POOL_NAME = "messageboard";

  private final HikariDataSource pool;
  private final MessageRepository repository;
  private final IdempotencyKeyRepository idempotencyKeys;
  private final MessageEventLog events;
  private final String description;
  private final SchemaStep schema;
  private final ExecutorService probes =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "storage-reachability-probe");
            thread.setDaemon(true);
            return thread;
          });
  private CompletableFuture<Boolean> probe = CompletableFuture.completedFuture(true);

  private MariaDbStorage(HikariDataSource pool, String description, SchemaStep schema) {
    this.pool = pool;
    this.schema = schema;
    // As many queries for reads by id as the pool has connections: reads that would queue for a
    // connection share a query instead. Half the pool measured fewer requests per second (the
    // reads waited for each other's round trips). A read waits for its answer as long as it would
    // wait for a connection. Posts that wait at the same time share a transaction, as many at
    // once as the pool has connections: on a slow disk batches grow by themselves, and on a fast
    // one lone posts still commit side by side as they did before coalescing (two at once measured
    // alike in an A/B, and lower in the full run's POST figures).
    this.repository =
        new JdbiMessageRepository(
            pool,
            pool.getMaximumPoolSize(),
            pool.getMaximumPoolSize(),
            Duration.ofMillis(pool.getConnectionTimeout()));
    this.idempotencyKeys =
        new JdbiIdempotencyKeyRepository(
            pool, pool.getMaximumPoolSize(), Duration.ofMillis(pool.getConnectionTimeout()));
    this.events = new JdbiMessageEventLog(pool);
    this.description = description;
  }

  /**
   * Opens the service's pool, with metrics on {@code registry}, and starts migrating the schema as
   * the migration user on a thread of its own; {@link #awaitReady()} waits for the migration. For a
   * database this process owns (the embedded one).
   */
  static MariaDbStorage migrating(
      DatabaseConnection connection, MeterRegistry registry, String description) {
    // The pool connects lazily and needs no schema; what the caller builds next (JDBI, Jackson,
    // the HTTP routes) overlaps the migration's round trips instead of following them.
    SchemaStep schema = MigratingSchema.start(connection);
    return withPool(connection, registry, description, schema);
  }

  /**
   * Opens the service's pool and starts waiting, read-only, for the release step to bring the
   * schema to this release's version; {@link #awaitReady()} waits for it. For an external database.
   */
  static MariaDbStorage awaitingSchema(
      DatabaseConnection connection, MeterRegistry registry, String description) {
    HikariDataSource pool = servicePool(connection, registry);
    return new MariaDbStorage(pool, description, AwaitedSchema.start(new SchemaVersionCheck(pool)));
  }

  private static MariaDbStorage withPool(
      DatabaseConnection connection,
      MeterRegistry registry,
      String description,
      SchemaStep schema) {
    try {
      return new MariaDbStorage(servicePool(connection, registry), description, schema);
    } catch (RuntimeException e) {
      schema.close();
      throw e;
    }
  }

  private static HikariDataSource servicePool(
      DatabaseConnection connection, MeterRegistry registry) {
    PoolSettings service =
        new PoolSettings(
            POOL_NAME,
            connection.jdbcUrl(),
            connection.user(),
            connection.password(),
            connection.poolSize(),
            connection.connectionTimeout());
    return MariaDbPools.open(service, Optional.of(new MicrometerMetricsTrackerFactory(registry)));
  }

  /** Waits for the schema step; throws what it threw. */
  @Override
  public void awaitReady() {
    try {
      schema.ready().join();
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
  public boolean schemaReady() {
    CompletableFuture<Void> ready = schema.ready();
    return ready.isDone() && !ready.isCompletedExceptionally();
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
  public MessageEventLog events() {
    return events;
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
    schema.close();
    probes.shutdownNow();
    pool.close();
  }
}
