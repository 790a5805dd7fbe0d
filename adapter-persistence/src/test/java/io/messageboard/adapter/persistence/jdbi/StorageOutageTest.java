package io.messageboard.adapter.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.embedded.StoppableMariaDb;
import io.messageboard.adapter.persistence.migration.SchemaMigrator;
import io.messageboard.adapter.persistence.pool.MariaDbPools;
import io.messageboard.adapter.persistence.pool.PoolSettings;
import io.messageboard.domain.failure.StorageUnavailableException;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessageText;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.model.PageRequest;
import io.messageboard.domain.model.ReplicaId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stopped database makes every operation fail with StorageUnavailableException within the pool's
 * connection timeout; once the database is back the same repository works again. Uses a server of
 * its own (embedded) because it stops and restarts it.
 */
class StorageOutageTest {

  private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
  // 2.5 times the timeout: a pool that waited ten times as long (or HikariCP's default 30 s) breaks
  // it, while 3 s of slack is plenty for a refused connection on a loaded machine.
  private static final Duration CEILING = CONNECTION_TIMEOUT.multipliedBy(5).dividedBy(2);

  @TempDir static Path dataDirectory;

  private static StoppableMariaDb server;
  private static HikariDataSource pool;
  private static JdbiMessageRepository repository;

  @BeforeAll
  static void startAServerOfItsOwn() {
    server = StoppableMariaDb.start(dataDirectory);
    server.createDatabase("outage");
    String url = server.jdbcUrl("outage");
    try (HikariDataSource owner =
        MariaDbPools.open(
            new PoolSettings(
                "owner", url, server.user(), server.password(), 1, CONNECTION_TIMEOUT))) {
      new SchemaMigrator(owner).migrate();
    }
    pool =
        MariaDbPools.open(
            new PoolSettings("app", url, server.user(), server.password(), 2, CONNECTION_TIMEOUT));
    repository = new JdbiMessageRepository(pool);
  }

  @AfterAll
  static void stopTheServer() {
    pool.close();
    server.close();
  }

  @Test
  void reportsStorageUnavailableWithinTheConnectionTimeoutAndRecoversWhenTheDatabaseReturns()
      throws Exception {
    repository.add(message(1, "before the outage"));

    server.stop();
    try {
      assertFailsFastAsUnavailable(() -> repository.findById(new MessageId(1)));
      assertFailsFastAsUnavailable(() -> repository.add(message(2, "during the outage")));
      assertFailsFastAsUnavailable(() -> repository.findPage(PageRequest.first(10)));
      assertFailsFastAsUnavailable(() -> repository.forEachMessage(message -> {}));
      assertFailsFastAsUnavailable(() -> repository.delete(new MessageId(1), OptionalLong.empty()));
    } finally {
      server.restart();
    }

    assertThat(eventually(() -> repository.findById(new MessageId(1))).orElseThrow().text())
        .isEqualTo("before the outage");
    assertThat(repository.add(message(2, "after the outage")).id().value()).isEqualTo(2);
  }

  private static void assertFailsFastAsUnavailable(Runnable operation) {
    long start = System.nanoTime();
    assertThatThrownBy(operation::run).isInstanceOf(StorageUnavailableException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CEILING);
  }

  private static <T> T eventually(java.util.function.Supplier<T> operation)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        return operation.get();
      } catch (StorageUnavailableException stillDown) {
        if (System.nanoTime() > deadline) {
          throw stillDown;
        }
        Thread.sleep(200);
      }
    }
  }

  private static NewMessage message(int id, String text) {
    return new NewMessage(
        Optional.of(new MessageId(id)),
        new MessageText(text),
        new ReplicaId("r1"),
        Instant.parse("2026-01-01T00:00:00Z"));
  }
}
