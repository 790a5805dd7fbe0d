package io.messageboard.adapter.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.testdb.TestDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabases;
import io.messageboard.domain.failure.IdsExhaustedException;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessageText;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.port.out.MessageRepository;
import io.messageboard.domain.port.out.MessageRepositoryContract;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The repository contract, against a real MariaDB migrated to the current schema, and how ids are
 * assigned from the {@code message_ids} sequence there.
 */
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
    database.execute(
        "TRUNCATE TABLE messages", "ALTER SEQUENCE message_ids RESTART WITH 1 NOCACHE");
    // Two concurrent queries for reads by id and two batches of posts, so that reads share queries
    // and posts share transactions in this test.
    return new JdbiMessageRepository(pool, 2, 2, Duration.ofSeconds(5));
  }

  private JdbiMessageRepository sequenceAt(long lastHandedOut) {
    MessageRepository unused = emptyRepository();
    database.execute("SELECT SETVAL(message_ids, " + lastHandedOut + ")");
    return new JdbiMessageRepository(pool);
  }

  private static NewMessage unnumbered(String text) {
    return new NewMessage(Optional.empty(), new MessageText(text), REPLICA, CREATED);
  }

  @Test
  void assignsTheLargestIdThenRefusesOnceTheSequenceHasRunOut() {
    JdbiMessageRepository repository = sequenceAt(Integer.MAX_VALUE - 1L);

    assertThat(repository.add(unnumbered("last")).id()).isEqualTo(new MessageId(Integer.MAX_VALUE));
    assertThatThrownBy(() -> repository.add(unnumbered("none left")))
        .isInstanceOf(IdsExhaustedException.class);
    assertThat(repository.add(newMessage(5, "chosen")).id()).isEqualTo(new MessageId(5));
  }

  @Test
  void refusesWhenEveryIdFromTheSequenceToTheTopIsTaken() {
    JdbiMessageRepository repository = sequenceAt(Integer.MAX_VALUE - 3L);
    for (long id = Integer.MAX_VALUE - 2L; id <= Integer.MAX_VALUE; id++) {
      repository.add(newMessage((int) id, "taken " + id));
    }

    assertThatThrownBy(() -> repository.add(unnumbered("none left")))
        .isInstanceOf(IdsExhaustedException.class);
  }

  @Test
  void skipsARunOfTakenIdsThatEndsJustBelowTheLargestId() {
    JdbiMessageRepository repository = sequenceAt(Integer.MAX_VALUE - 3L);
    repository.add(newMessage(Integer.MAX_VALUE - 2, "taken"));
    repository.add(newMessage(Integer.MAX_VALUE - 1, "taken too"));

    assertThat(repository.add(unnumbered("last")).id()).isEqualTo(new MessageId(Integer.MAX_VALUE));
  }

  @Test
  void skipsALongRunOfTakenIdsInOneStep() {
    JdbiMessageRepository repository = sequenceAt(0);
    database.execute(
        "INSERT INTO messages (clid, mess, sid, created_at, updated_at, version)"
            + " SELECT seq, 'taken', 'r', NOW(), NOW(), 1 FROM seq_1_to_5000");

    assertThat(repository.add(unnumbered("after the run")).id()).isEqualTo(new MessageId(5001));
    assertThat(repository.add(unnumbered("and on")).id()).isEqualTo(new MessageId(5002));
  }
}
