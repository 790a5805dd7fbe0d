package io.messageboard.adapter.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.testdb.TestDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabases;
import io.messageboard.domain.failure.DuplicateMessageIdException;
import io.messageboard.domain.failure.IdsExhaustedException;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessageText;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.model.ReplicaId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Posts that share a transaction, on a real MariaDB: stored together when none is refused, and one
 * by one, each refused alone, when one is.
 */
class BatchedPostsTest {

  private static final ReplicaId REPLICA = new ReplicaId("replica-1");
  private static final Instant CREATED = Instant.parse("2026-03-04T05:06:07.891Z");

  private static TestDatabase database;
  private static HikariDataSource pool;
  private static Jdbi jdbi;

  @BeforeAll
  static void migrateAFreshDatabase() {
    database = TestDatabases.fresh(BatchedPostsTest.class);
    database.migrate();
    pool = database.ownerPool();
    jdbi = Jdbi.create(pool);
  }

  @AfterAll
  static void closePool() {
    pool.close();
  }

  @BeforeEach
  void startEmpty() {
    database.execute(
        "TRUNCATE TABLE messages",
        "TRUNCATE TABLE message_events",
        "ALTER SEQUENCE message_ids RESTART WITH 1 NOCACHE");
  }

  @Test
  void storesABatchTogetherWithOneChangeFeedRowForEachMessage() {
    List<WriteOutcome<Message>> outcomes =
        insertAll(post(null, "first"), post(50, "chosen"), post(null, "third"));

    assertThat(storedIds(outcomes)).containsExactly(1, 50, 2);
    assertThat(rows())
        .containsExactlyInAnyOrderEntriesOf(Map.of(1, "first", 50, "chosen", 2, "third"));
    assertThat(createdEvents()).containsExactlyInAnyOrderEntriesOf(rows());
    assertThat(((WriteOutcome.Stored<Message>) outcomes.get(1)).result())
        .isEqualTo(post(50, "chosen").storedAs(new MessageId(50)));
  }

  @Test
  void insertsABatchsRowsInAscendingIdsSoThatConcurrentBatchesLockInOneOrder() {
    insertAll(post(30, "third"), post(10, "first"), post(20, "second"));

    List<Integer> inInsertOrder =
        jdbi.withHandle(
            handle ->
                handle
                    .createQuery("SELECT clid FROM message_events ORDER BY id")
                    .mapTo(Integer.class)
                    .list());
    assertThat(inInsertOrder).containsExactly(10, 20, 30);
  }

  @Test
  void refusesOnlyTheMessageWhoseIdIsTakenAndStoresTheRest() {
    insertAll(post(5, "already there"));

    List<WriteOutcome<Message>> outcomes =
        insertAll(post(null, "assigned"), post(5, "too late"), post(6, "next to it"));

    assertThat(outcomes.get(1)).isInstanceOf(WriteOutcome.Refused.class);
    assertThat(((WriteOutcome.Refused<Message>) outcomes.get(1)).failure())
        .isInstanceOf(DuplicateMessageIdException.class);
    // The id the batch drew for the assigned post is skipped, as a rolled-back post's would be.
    assertThat(storedIds(outcomes)).containsExactly(2, 6);
    assertThat(rows())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(5, "already there", 2, "assigned", 6, "next to it"));
    assertThat(createdEvents()).containsExactlyInAnyOrderEntriesOf(rows());
  }

  @Test
  void storesTheFirstOfTwoMessagesForOneIdInABatchAndRefusesTheSecond() {
    List<WriteOutcome<Message>> outcomes = insertAll(post(7, "first"), post(7, "second"));

    assertThat(storedIds(outcomes)).containsExactly(7);
    assertThat(outcomes.get(1)).isInstanceOf(WriteOutcome.Refused.class);
    assertThat(rows()).containsExactlyEntriesOf(Map.of(7, "first"));
    assertThat(createdEvents()).containsExactlyEntriesOf(Map.of(7, "first"));
  }

  @Test
  void anAssignedIdThatABatchmateChoseGoesToTheChooserAndTheOtherTakesTheNextFreeId() {
    List<WriteOutcome<Message>> outcomes = insertAll(post(null, "assigned"), post(1, "chosen"));

    assertThat(storedIds(outcomes)).containsExactly(2, 1);
    assertThat(rows()).containsExactlyInAnyOrderEntriesOf(Map.of(1, "chosen", 2, "assigned"));
  }

  @Test
  void refusesTheAssignedMessagesOnceTheSequenceRunsOutAndStoresTheChosenOnes() {
    database.execute("SELECT SETVAL(message_ids, " + Integer.MAX_VALUE + ")");

    List<WriteOutcome<Message>> outcomes =
        insertAll(post(null, "none left"), post(9, "chosen"), post(null, "none either"));

    assertThat(storedIds(outcomes)).containsExactly(9);
    assertThat(List.of(outcomes.get(0), outcomes.get(2)))
        .allSatisfy(
            refused ->
                assertThat(((WriteOutcome.Refused<Message>) refused).failure())
                    .isInstanceOf(IdsExhaustedException.class));
  }

  @Test
  void aLoneRefusedPostCommitsNothing() {
    insertAll(post(3, "already there"));

    List<WriteOutcome<Message>> outcomes = insertAll(post(3, "too late"));

    assertThat(outcomes).singleElement().isInstanceOf(WriteOutcome.Refused.class);
    assertThat(rows()).containsExactlyEntriesOf(Map.of(3, "already there"));
    assertThat(createdEvents()).hasSize(1);
  }

  @Test
  void postsThatArriveTogetherCommitInFewerTransactionsThanThereArePosts() throws Exception {
    JdbiMessageRepository repository = new JdbiMessageRepository(pool, 1, 1, Duration.ofSeconds(5));
    int posts = 64;
    long commitsBefore = commits();

    List<Message> stored = postTogether(repository, posts);

    assertThat(stored).extracting(message -> message.id().value()).doesNotHaveDuplicates();
    assertThat(rows()).hasSize(posts);
    assertThat(createdEvents()).containsExactlyInAnyOrderEntriesOf(rows());
    assertThat(commits() - commitsBefore).isLessThan(posts);
  }

  private static List<Message> postTogether(JdbiMessageRepository repository, int posts)
      throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(posts);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Message>> futures = new ArrayList<>();
      for (int i = 0; i < posts; i++) {
        String text = "together " + i;
        futures.add(
            callers.submit(
                () -> {
                  start.await();
                  return repository.add(post(null, text));
                }));
      }
      start.countDown();
      List<Message> stored = new ArrayList<>();
      for (Future<Message> future : futures) {
        stored.add(future.get(30, TimeUnit.SECONDS));
      }
      return stored;
    } finally {
      callers.shutdownNow();
    }
  }

  private static List<WriteOutcome<Message>> insertAll(NewMessage... messages) {
    return jdbi.inTransaction(handle -> MessageBatchInserts.insertAll(handle, List.of(messages)));
  }

  private static NewMessage post(@Nullable Integer id, String text) {
    return new NewMessage(
        Optional.ofNullable(id).map(MessageId::new), new MessageText(text), REPLICA, CREATED);
  }

  private static List<Integer> storedIds(List<WriteOutcome<Message>> outcomes) {
    return outcomes.stream()
        .filter(WriteOutcome.Stored.class::isInstance)
        .map(outcome -> ((WriteOutcome.Stored<Message>) outcome).result().id().value())
        .toList();
  }

  private static Map<Integer, String> rows() {
    return textsBy("SELECT clid, mess FROM messages");
  }

  private static Map<Integer, String> createdEvents() {
    return textsBy("SELECT clid, mess FROM message_events WHERE kind = 1");
  }

  private static Map<Integer, String> textsBy(String sql) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(sql)
                .reduceRows(
                    new HashMap<Integer, String>(),
                    (texts, row) -> {
                      texts.put(
                          row.getColumn("clid", Integer.class),
                          row.getColumn("mess", String.class));
                      return texts;
                    }));
  }

  private static long commits() {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SHOW GLOBAL STATUS LIKE 'Com_commit'")
                .map((rs, ctx) -> rs.getLong(2))
                .one());
  }
}
