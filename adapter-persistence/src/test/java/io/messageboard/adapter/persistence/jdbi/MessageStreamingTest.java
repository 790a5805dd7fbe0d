package io.messageboard.adapter.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.testdb.TestDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabases;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * forEachMessage streams rows from the server instead of reading the whole table into memory first.
 */
class MessageStreamingTest {

  private static final int ROWS = 200_000;
  private static final int TEXT_LENGTH = 400;
  // The whole table is ROWS x TEXT_LENGTH = 80 MB of text; a streamed read holds a few fetches of
  // it.
  private static final long HEAP_GROWTH_LIMIT = 24L * 1024 * 1024;

  private static TestDatabase database;
  private static HikariDataSource pool;

  @BeforeAll
  static void fillATableLargerThanTheHeapGrowthLimit() {
    database = TestDatabases.fresh(MessageStreamingTest.class);
    database.migrate();
    database.execute(
        "INSERT INTO messages (clid, mess, sid, created_at, updated_at, version)"
            + " SELECT seq, CONCAT(LPAD(seq, 10, '0'), REPEAT('x', "
            + (TEXT_LENGTH - 10)
            + ")), 'bulk',"
            + " UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), 1 FROM seq_1_to_"
            + ROWS);
    pool = database.ownerPool();
  }

  @AfterAll
  static void closePool() {
    pool.close();
  }

  @Test
  void handsAllRowsToTheSinkInIdOrderWhileHeapStaysFlat() {
    JdbiMessageRepository repository = new JdbiMessageRepository(pool);
    long baseline = usedHeapAfterGc();
    AtomicInteger seen = new AtomicInteger();
    AtomicInteger lastId = new AtomicInteger();
    AtomicLong peakGrowth = new AtomicLong();

    repository.forEachMessage(
        message -> {
          assertThat(message.id().value()).isEqualTo(lastId.get() + 1);
          lastId.set(message.id().value());
          if (seen.incrementAndGet() % 50_000 == 0) {
            peakGrowth.accumulateAndGet(usedHeapAfterGc() - baseline, Math::max);
          }
        });

    assertThat(seen.get()).isEqualTo(ROWS);
    assertThat(peakGrowth.get()).isLessThan(HEAP_GROWTH_LIMIT);
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
