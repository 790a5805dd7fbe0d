package io.messageboard.adapter.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.migration.SchemaMigrator;
import io.messageboard.adapter.persistence.migration.SchemaVersionCheck;
import io.messageboard.adapter.persistence.testdb.TestDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabases;
import io.messageboard.domain.command.PostMessageCommand;
import io.messageboard.domain.idempotency.ClaimRequest;
import io.messageboard.domain.idempotency.ClientScope;
import io.messageboard.domain.idempotency.IdempotencyKey;
import io.messageboard.domain.idempotency.KeyClaim;
import io.messageboard.domain.idempotency.RequestFingerprint;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessageText;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.model.PageRequest;
import io.messageboard.domain.model.ReplicaId;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema is migrated by its owner; the repository then works as a user holding only DML rights.
 */
class LeastPrivilegeTest {

  private static final int TABLE_ACCESS_DENIED = 1142;
  private static final String APP_PASSWORD = "dml-only-password";

  private static TestDatabase database;
  private static String appUser;
  private static HikariDataSource appPool;

  @BeforeAll
  static void migrateAsOwnerAndGrantOnlyDml() {
    database = TestDatabases.fresh(LeastPrivilegeTest.class);
    database.migrate();
    appUser = "app_" + ProcessHandle.current().pid();
    database.execute(
        "CREATE USER '" + appUser + "'@'%' IDENTIFIED BY '" + APP_PASSWORD + "'",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON `"
            + database.name()
            + "`.messages TO '"
            + appUser
            + "'@'%'",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON `"
            + database.name()
            + "`.idempotency_keys TO '"
            + appUser
            + "'@'%'",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON `"
            + database.name()
            + "`.message_events TO '"
            + appUser
            + "'@'%'",
        "GRANT SELECT, UPDATE ON `"
            + database.name()
            + "`.message_event_positions TO '"
            + appUser
            + "'@'%'",
        // NEXTVAL and SETVAL need INSERT on the sequence.
        "GRANT SELECT, INSERT ON `" + database.name() + "`.message_ids TO '" + appUser + "'@'%'",
        "GRANT SELECT ON `"
            + database.name()
            + "`."
            + SchemaMigrator.HISTORY_TABLE
            + " TO '"
            + appUser
            + "'@'%'");
    appPool = database.pool(appUser, APP_PASSWORD);
  }

  @AfterAll
  static void dropTheUser() {
    appPool.close();
    database.execute("DROP USER IF EXISTS '" + appUser + "'@'%'");
  }

  @Test
  void theRepositoryWorksWithSelectInsertUpdateAndDeleteOnly() {
    JdbiMessageRepository repository = new JdbiMessageRepository(appPool);

    // Id 1 is the sequence's first value: assigning skips it, moving the sequence with SETVAL.
    Message chosen = repository.add(message(Optional.of(new MessageId(1)), "chosen id"));
    Message assigned = repository.add(message(Optional.empty(), "assigned id"));
    assertThat(assigned.id()).isEqualTo(new MessageId(2));
    Message edited = chosen.edit(new MessageText("edited"), Instant.parse("2026-01-01T00:00:01Z"));
    List<Message> all = new ArrayList<>();
    repository.forEachMessage(all::add);

    assertThat(repository.update(edited)).isTrue();
    assertThat(repository.findById(chosen.id())).contains(edited);
    assertThat(repository.findPage(PageRequest.first(10)).items()).hasSize(2);
    assertThat(all).hasSize(2);
    assertThat(repository.delete(assigned.id(), OptionalLong.of(1))).isTrue();
  }

  @Test
  void theChangeFeedsLogWorksWithItsGrantsOnly() {
    JdbiMessageRepository repository = new JdbiMessageRepository(appPool);
    JdbiMessageEventLog events = new JdbiMessageEventLog(appPool);
    repository.add(message(Optional.of(new MessageId(50)), "fed"));

    long last = events.sequence();

    assertThat(events.after(last - 1, 10)).hasSize(1);
    assertThat(events.bounds().last()).isEqualTo(last);
    assertThat(events.purgeRecordedBefore(Instant.parse("2000-01-01T00:00:00Z"), 10)).isZero();
    // The other tests of this class count the messages.
    assertThat(repository.delete(new MessageId(50), OptionalLong.empty())).isTrue();
  }

  @Test
  void idempotencyKeysWorkWithSelectInsertUpdateAndDeleteOnly() {
    JdbiIdempotencyKeyRepository keys = new JdbiIdempotencyKeyRepository(appPool);
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    ClaimRequest request =
        new ClaimRequest(
            ClientScope.ANONYMOUS,
            new IdempotencyKey("least-privilege"),
            RequestFingerprint.of(
                new PostMessageCommand(Optional.empty(), new MessageText("keyed"))),
            new ReplicaId("app"),
            now,
            now.plusSeconds(30));

    KeyClaim.Granted granted = (KeyClaim.Granted) keys.claim(request);
    keys.release(granted);
    KeyClaim.Granted again = (KeyClaim.Granted) keys.claim(request);
    Message recorded =
        keys.addMessage(
            again, message(Optional.of(new MessageId(20)), "keyed"), now.plusSeconds(60));

    assertThat(keys.claim(request))
        .isEqualTo(new KeyClaim.Completed(request.fingerprint(), recorded));
    assertThat(keys.purgeExpired(now.plusSeconds(61), 10)).isEqualTo(1);
    // The other test counts every message.
    new JdbiMessageRepository(appPool).delete(new MessageId(20), OptionalLong.empty());
  }

  @Test
  void theDmlUserReadsTheSchemaVersionAReplicaWaitsFor() {
    assertThat(new SchemaVersionCheck(appPool).check().servable()).isTrue();
  }

  @Test
  void theDmlUserCannotChangeTheSchema() {
    Jdbi asApp = Jdbi.create(appPool);

    assertThatThrownBy(() -> asApp.useHandle(h -> h.execute("DROP TABLE messages")))
        .rootCause()
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(TABLE_ACCESS_DENIED));
    assertThatThrownBy(
            () -> asApp.useHandle(h -> h.execute("ALTER TABLE messages ADD COLUMN x INT")))
        .rootCause()
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(TABLE_ACCESS_DENIED));
  }

  private static NewMessage message(Optional<MessageId> id, String text) {
    return new NewMessage(
        id, new MessageText(text), new ReplicaId("app"), Instant.parse("2026-01-01T00:00:00Z"));
  }
}
