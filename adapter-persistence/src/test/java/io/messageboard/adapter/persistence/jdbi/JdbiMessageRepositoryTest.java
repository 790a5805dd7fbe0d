package io.messageboard.adapter.persistence.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.testdb.TestDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabases;
import io.messageboard.domain.port.out.MessageRepository;
import io.messageboard.domain.port.out.MessageRepositoryContract;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The repository contract, against a real MariaDB migrated to the current schema. */
class JdbiMessageRepositoryTest extends MessageRepositoryContract {

  private static TestDatabase database;
  private static HikariDataSource pool;

  @BeforeAll
  static void migrateAFreshDatabase() {
    database = TestDatabases.fresh(JdbiMessageRepositoryTest.class);
    database.migrate();
    pool = database.ownerPool();
  }

  @AfterAll
  static void closePool() {
    pool.close();
  }

  @Override
  protected MessageRepository emptyRepository() {
    database.execute("TRUNCATE TABLE messages");
    // Two concurrent queries for reads by id, so that reads also share queries in this test.
    return new JdbiMessageRepository(pool, 2, Duration.ofSeconds(5));
  }
}
