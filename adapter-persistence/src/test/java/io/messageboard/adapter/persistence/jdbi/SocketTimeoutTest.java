package io.messageboard.adapter.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.testdb.TestDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabases;
import io.messageboard.domain.failure.StorageUnavailableException;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessageText;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.model.ReplicaId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A statement whose answer does not come (here: it waits for a row lock another session holds, as
 * it would on a stalled server) fails after the pool's socket timeout instead of hanging; being a
 * statement of a transaction whose COMMIT was never sent, the server rolls it back when it finds
 * the connection gone, so it fails as StorageUnavailableException (nothing stored).
 */
class SocketTimeoutTest {

  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(2);
  // 2.5 times the timeout: a socket timeout ten times too long (or InnoDB's 50 s lock wait) breaks
  // it, while 3 s of slack is plenty for a loaded machine to notice the silent socket.
  private static final Duration CEILING = SOCKET_TIMEOUT.multipliedBy(5).dividedBy(2);

  private static TestDatabase database;
  private static HikariDataSource pool;
  private static ExecutorService caller;

  @BeforeAll
  static void openAPoolWithAShortSocketTimeout() {
    database = TestDatabases.fresh(SocketTimeoutTest.class);
    database.migrate();
    pool = database.ownerPool(2, SOCKET_TIMEOUT);
    caller = Executors.newSingleThreadExecutor();
  }

  @AfterAll
  static void closePool() {
    caller.shutdownNow();
    pool.close();
  }

  @Test
  void
      aWriteWithoutAnAnswerBeforeItsCommitFailsAsUnavailableWithinTheSocketTimeoutAndThePoolRecovers()
          throws Exception {
    JdbiMessageRepository repository = new JdbiMessageRepository(pool);
    Message stored =
        repository.add(
            new NewMessage(
                Optional.of(new MessageId(1)),
                new MessageText("locked"),
                new ReplicaId("r1"),
                Instant.EPOCH));
    Message edited =
        stored.edit(new MessageText("waits for the lock"), Instant.EPOCH.plusSeconds(1));

    try (Connection blocker =
        DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
      blocker.setAutoCommit(false);
      try (PreparedStatement lock =
          blocker.prepareStatement("SELECT clid FROM messages WHERE clid = ? FOR UPDATE")) {
        lock.setInt(1, 1);
        lock.executeQuery().close();
      }
      long start = System.nanoTime();
      Future<Boolean> update = caller.submit(() -> repository.update(edited));
      Throwable failure = failureWithin(update, CEILING.multipliedBy(4));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      // The UPDATE was sent, but its transaction's COMMIT never was: the server rolls it back.
      assertThat(failure).isInstanceOf(StorageUnavailableException.class);
      assertThat(took).isGreaterThanOrEqualTo(SOCKET_TIMEOUT).isLessThan(CEILING);
      blocker.rollback();
    }

    assertThat(repository.findById(stored.id())).isPresent();
  }

  private static Throwable failureWithin(Future<?> call, Duration limit)
      throws InterruptedException {
    try {
      call.get(limit.toMillis(), TimeUnit.MILLISECONDS);
      throw new AssertionError("The statement succeeded although another session held its lock");
    } catch (ExecutionException e) {
      return Objects.requireNonNull(e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("The statement still hangs after " + limit, e);
    }
  }
}
