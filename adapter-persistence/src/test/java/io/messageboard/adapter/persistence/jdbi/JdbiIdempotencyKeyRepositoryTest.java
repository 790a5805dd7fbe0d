package io.messageboard.adapter.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.pool.MariaDbPools;
import io.messageboard.adapter.persistence.pool.PoolSettings;
import io.messageboard.adapter.persistence.testdb.TestDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabases;
import io.messageboard.domain.port.out.IdempotencyKeyRepositoryContract;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

  // Replicas' clocks play no part: on connections whose server time is 2001 (MariaDB's session
  // timestamp), the store's time is 2001, whatever this JVM's clock says.
  @Test
  void theStoresTimeIsTheDatabaseServersClock() {
    Instant serverTime = Instant.ofEpochSecond(1_000_000_000);
    String url =
        database.jdbcUrl()
            + (database.jdbcUrl().contains("?") ? "&" : "?")
            + "sessionVariables=timestamp="
            + serverTime.getEpochSecond();
    try (HikariDataSource skewed =
        MariaDbPools.open(
            new PoolSettings(
                "test-skewed",
                url,
                database.user(),
                database.password(),
                1,
                Duration.ofSeconds(2)))) {
      assertThat(new JdbiIdempotencyKeyRepository(skewed).now()).isEqualTo(serverTime);
    }
  }

  @Override
  protected Stores emptyStores() {
    database.execute("TRUNCATE TABLE messages");
    database.execute("TRUNCATE TABLE idempotency_keys");
    return new Stores(new JdbiIdempotencyKeyRepository(pool), new JdbiMessageRepository(pool));
  }
}
