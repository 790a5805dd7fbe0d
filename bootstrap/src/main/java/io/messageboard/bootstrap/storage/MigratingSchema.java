package io.messageboard.bootstrap.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.migration.SchemaMigrator;
import io.messageboard.adapter.persistence.pool.MariaDbPools;
import io.messageboard.adapter.persistence.pool.PoolSettings;
import java.util.concurrent.CompletableFuture;

/**
 * The embedded database's schema step: the process owns its database, so it migrates it itself, on
 * a thread of its own while the rest of the service is built.
 */
final class MigratingSchema implements SchemaStep {

  private final CompletableFuture<Void> migration;

  private MigratingSchema(CompletableFuture<Void> migration) {
    this.migration = migration;
  }

  static MigratingSchema start(DatabaseConnection connection) {
    return new MigratingSchema(
        CompletableFuture.runAsync(() -> migrate(connection), MigratingSchema::onOwnThread));
  }

  /** Runs the migrations as {@code connection}'s migration user; returns how many ran. */
  static int migrate(DatabaseConnection connection) {
    PoolSettings migration =
        PoolSettings.forMigrations(
            MariaDbStorage.POOL_NAME + "-migration",
            connection.jdbcUrl(),
            connection.migrationUser(),
            connection.migrationPassword(),
            connection.connectionTimeout());
    try (HikariDataSource owner = MariaDbPools.open(migration)) {
      return new SchemaMigrator(owner).migrate();
    }
  }

  private static void onOwnThread(Runnable migration) {
    Thread thread = new Thread(migration, "schema-migration");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public CompletableFuture<Void> ready() {
    return migration;
  }

  /**
   * A migration still running has a pool of its own; it ends before the storage counts as closed.
   */
  @Override
  public void close() {
    migration.handle((migrated, failure) -> null).join();
  }
}
