package io.messageboard.adapter.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.testdb.TestDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabases;
import io.messageboard.domain.feed.MessageEvent;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessageText;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.port.out.MessageEventLogContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JdbiMessageEventLogTest extends MessageEventLogContract {

  private static TestDatabase database;
  private static HikariDataSource pool;

  @BeforeAll
  static void migrateAFreshDatabase() {
    database = TestDatabases.fresh(JdbiMessageEventLogTest.class);
    database.migrate();
    pool = database.ownerPool();
  }

  @AfterAll
  static void closePool() {
    pool.close();
  }

  @Override
  protected Store emptyStore() {
    database.execute(
        "TRUNCATE TABLE messages",
        "TRUNCATE TABLE message_events",
        "UPDATE message_event_positions SET last_position = 0",
        "ALTER SEQUENCE message_ids RESTART WITH 1 NOCACHE");
    return new Store(new JdbiMessageRepository(pool), new JdbiMessageEventLog(pool));
  }

  private static NewMessage message(int id) {
    return new NewMessage(
        Optional.of(new MessageId(id)), new MessageText("message " + id), REPLICA, CREATED);
  }

  /**
   * The trap of feeds that follow an auto-increment id: the first transaction takes the lower id,
   * the second commits first. A reader that has read past the second must still get the first.
   */
  @Test
  void aChangeThatCommitsAfterALaterOneIsStillReadAfterIt() {
    Store store = emptyStore();
    try (Handle late = Jdbi.create(pool).open()) {
      late.begin();
      MessageInserts.insert(late, message(1));
      store.messages().add(message(2));

      assertThat(store.events().sequence()).isEqualTo(1);
      List<MessageEvent> first = store.events().after(0, 10);
      assertThat(first).extracting(e -> e.messageId().value()).containsExactly(2);

      late.commit();
      assertThat(store.events().sequence()).isEqualTo(2);
      assertThat(store.events().after(first.get(0).position(), 10))
          .extracting(e -> e.messageId().value())
          .containsExactly(1);
    }
  }

  @Test
  void aRolledBackChangeNeverReachesTheLog() {
    Store store = emptyStore();
    try (Handle rolledBack = Jdbi.create(pool).open()) {
      rolledBack.begin();
      MessageInserts.insert(rolledBack, message(1));
      store.messages().add(message(2));
      store.events().sequence();
      rolledBack.rollback();
    }

    assertThat(store.events().sequence()).isEqualTo(1);
    assertThat(store.events().after(0, 10))
        .extracting(e -> e.messageId().value())
        .containsExactly(2);
  }

  /**
   * Writers and two sequencers (two replicas) at once: every change at one position, the positions
   * gapless, and each message's events in the order of its versions.
   */
  @Test
  void concurrentWritersAndSequencersGiveEachChangeOneGaplessPositionInItsMessagesOrder()
      throws Exception {
    Store store = emptyStore();
    JdbiMessageEventLog otherReplica = new JdbiMessageEventLog(pool);
    ExecutorService threads = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int writer = 0; writer < 4; writer++) {
        int first = writer * 100 + 1;
        work.add(
            threads.submit(
                () -> {
                  for (int id = first; id < first + 25; id++) {
                    var created = store.messages().add(message(id));
                    store.messages().update(created.edit(new MessageText("edited"), CREATED));
                  }
                }));
      }
      for (var sequencer : List.of(store.events(), otherReplica)) {
        work.add(
            threads.submit(
                () -> {
                  for (int round = 0; round < 50; round++) {
                    sequencer.sequence();
                  }
                }));
      }
      for (Future<?> done : work) {
        done.get();
      }
    } finally {
      threads.shutdownNow();
    }
    long last = store.events().sequence();
    List<MessageEvent> events = store.events().after(0, 1_000);

    assertThat(last).isEqualTo(200);
    assertThat(events).extracting(MessageEvent::position).containsExactlyElementsOf(range(1, 200));
    Map<Integer, List<Long>> versionsByMessage = new TreeMap<>();
    for (MessageEvent event : events) {
      versionsByMessage
          .computeIfAbsent(event.messageId().value(), id -> new ArrayList<>())
          .add(event.version());
    }
    assertThat(versionsByMessage)
        .hasSize(100)
        .allSatisfy((id, versions) -> assertThat(versions).containsExactly(1L, 2L));
  }

  private static List<Long> range(long first, long last) {
    List<Long> values = new ArrayList<>();
    for (long value = first; value <= last; value++) {
      values.add(value);
    }
    return values;
  }
}
