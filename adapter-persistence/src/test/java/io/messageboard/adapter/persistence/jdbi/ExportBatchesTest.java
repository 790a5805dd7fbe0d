package io.messageboard.adapter.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.pool.PoolSettings;
import io.messageboard.adapter.persistence.testdb.TestDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabases;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessageText;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.model.ReplicaId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** forEachMessage reads in keyset batches and holds no connection while its sink runs. */
class ExportBatchesTest {

  private static final int BATCH = JdbiMessageRepository.EXPORT_BATCH_SIZE;

  private static TestDatabase database;
  private static HikariDataSource singleConnection;
  private static ExecutorService otherCaller;

  private JdbiMessageRepository repository;

  @BeforeAll
  static void openAPoolOfOneConnection() {
    database = TestDatabases.fresh(ExportBatchesTest.class);
    database.migrate();
    singleConnection = database.ownerPool(1, PoolSettings.DEFAULT_SOCKET_TIMEOUT);
    otherCaller = Executors.newSingleThreadExecutor();
  }

  @AfterAll
  static void closePool() {
    otherCaller.shutdownNow();
    singleConnection.close();
  }

  @BeforeEach
  void fillTwoBatchesAndOneRow() {
    database.execute(
        "TRUNCATE TABLE messages",
        "INSERT INTO messages (clid, mess, sid, created_at, updated_at, version)"
            + " SELECT seq, CONCAT('m', seq), 'bulk', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), 1"
            + " FROM seq_1_to_"
            + (2 * BATCH + 1));
    repository = new JdbiMessageRepository(singleConnection);
  }

  @Test
  void anotherCallOnAPoolOfOneSucceedsPromptlyWhileTheSinkRuns() {
    List<Optional<Message>> foundDuringExport = new ArrayList<>();
    List<Duration> waits = new ArrayList<>();

    repository.forEachMessage(
        message -> {
          if (message.id().value() % BATCH == 1) {
            long start = System.nanoTime();
            foundDuringExport.add(
                callFromAnotherThread(() -> repository.findById(new MessageId(2))));
            waits.add(Duration.ofNanos(System.nanoTime() - start));
          }
        });

    assertThat(foundDuringExport).hasSize(3).allSatisfy(found -> assertThat(found).isPresent());
    assertThat(waits).allSatisfy(wait -> assertThat(wait).isLessThan(Duration.ofMillis(500)));
  }

  @Test
  void handsEachIdOnceInOrderAcrossBatchBoundaries() {
    List<Integer> ids = new ArrayList<>();

    repository.forEachMessage(message -> ids.add(message.id().value()));

    assertThat(ids).hasSize(2 * BATCH + 1).isSorted().doesNotHaveDuplicates();
    assertThat(ids.get(ids.size() - 1)).isEqualTo(2 * BATCH + 1);
  }

  @Test
  void stopsAfterAFullLastBatch() {
    repository.delete(new MessageId(2 * BATCH + 1), OptionalLong.empty());
    List<Integer> ids = new ArrayList<>();

    repository.forEachMessage(message -> ids.add(message.id().value()));

    assertThat(ids).hasSize(2 * BATCH).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void reflectsChangesAheadOfTheExportPositionAndNeverRepeatsAnId() {
    List<Integer> ids = new ArrayList<>();

    repository.forEachMessage(
        message -> {
          ids.add(message.id().value());
          if (message.id().value() == 1) {
            callFromAnotherThread(
                () -> repository.add(newMessage(5 * BATCH, "added during the export")));
            callFromAnotherThread(
                () -> repository.delete(new MessageId(BATCH + 2), OptionalLong.empty()));
          }
        });

    assertThat(ids)
        .isSorted()
        .doesNotHaveDuplicates()
        .contains(5 * BATCH)
        .doesNotContain(BATCH + 2);
  }

  private static <T> T callFromAnotherThread(Callable<T> call) {
    try {
      return otherCaller.submit(call).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("The call from another thread did not succeed", e);
    }
  }

  private static NewMessage newMessage(int id, String text) {
    return new NewMessage(
        Optional.of(new MessageId(id)),
        new MessageText(text),
        new ReplicaId("r1"),
        Instant.parse("2026-01-01T00:00:00Z"));
  }
}
