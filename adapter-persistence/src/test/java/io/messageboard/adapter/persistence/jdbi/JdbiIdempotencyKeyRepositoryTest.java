package io.messageboard.adapter.persistence.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.testdb.TestDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabases;
import io.messageboard.domain.port.out.IdempotencyKeyRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The idempotency key contract, against a real MariaDB migrated to the current schema. */
class JdbiIdempotencyKeyRepositoryTest extends IdempotencyKeyRepositoryContract {

  private static TestDatabase database;
  private static HikariDataSource pool;

  @BeforeAll
  static void migrateAFreshDatabase() {
    database = TestDatabases.fresh(JdbiIdempotencyKeyRepositoryTest.class);
    database.migrate();
    pool = database.ownerPool();
  }

  @AfterAll
  static void closePool() {
    pool.close();
  }

  @Override
  protected Stores emptyStores() {
    database.execute("TRUNCATE TABLE messages");
    database.execute("TRUNCATE TABLE idempotency_keys");
    return new Stores(new JdbiIdempotencyKeyRepository(pool), new JdbiMessageRepository(pool));
  }
}
