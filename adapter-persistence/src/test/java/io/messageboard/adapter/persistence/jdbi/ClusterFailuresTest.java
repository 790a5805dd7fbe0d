package io.messageboard.adapter.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.jdbi.FaultInjectingDataSource.Fault;
import io.messageboard.adapter.persistence.testdb.TestDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabases;
import io.messageboard.domain.command.PostMessageCommand;
import io.messageboard.domain.failure.OutcomeUnknownException;
import io.messageboard.domain.failure.StorageConflictException;
import io.messageboard.domain.failure.StorageUnavailableException;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The failures a Galera cluster brings, injected with the exceptions Connector/J raises for them,
 * on a real MariaDB: refusals are repeated once where that is safe and otherwise reported as
 * nothing stored; a connection lost once a write was sent is reported as an unknown outcome,
 * whatever became of the write.
 */
class ClusterFailuresTest {

  private static final ReplicaId REPLICA = new ReplicaId("replica-1");
  private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");
  private static final ClientScope SCOPE = new ClientScope("0123456789abcdef0123456789abcdef");

  private static TestDatabase database;
  private static HikariDataSource pool;

  private FaultInjectingDataSource faults;
  private JdbiMessageRepository messages;
  private JdbiIdempotencyKeyRepository keys;

  @BeforeAll
  static void migrateAFreshDatabase() {
    database = TestDatabases.fresh(ClusterFailuresTest.class);
    database.migrate();
    pool = database.ownerPool();
  }

  @AfterAll
  static void closePool() {
    pool.close();
  }

  @BeforeEach
  void emptyStores() {
    database.execute(
        "TRUNCATE TABLE messages",
        "TRUNCATE TABLE idempotency_keys",
        "ALTER SEQUENCE message_ids RESTART WITH 1 NOCACHE");
    faults = new FaultInjectingDataSource(pool);
    messages = new JdbiMessageRepository(faults, 1, 1, Duration.ofSeconds(5));
    keys = new JdbiIdempotencyKeyRepository(faults);
  }

  @AfterEach
  void everyFaultWasHit() {
    assertThat(faults.allFaultsUsed()).as("every queued fault hit a connection").isTrue();
  }

  private static NewMessage message(Integer id, String text) {
    return new NewMessage(Optional.of(new MessageId(id)), new MessageText(text), REPLICA, NOW);
  }

  private static NewMessage unnumbered(String text) {
    return new NewMessage(Optional.empty(), new MessageText(text), REPLICA, NOW);
  }

  private int storedRows() {
    return new JdbiMessageRepository(pool).findPage(PageRequest.first(500)).items().size();
  }

  @Test
  void aReadOnANodeOutsideThePrimaryComponentIsRepeatedOnce() {
    messages.add(message(1, "one"));
    faults.failNext(Fault.NODE_NOT_READY);

    assertThat(messages.findById(new MessageId(1))).isPresent();
  }

  @Test
  void aReadRefusedTwiceIsUnavailable() {
    faults.failNext(Fault.NODE_NOT_READY);
    faults.failNext(Fault.NODE_NOT_READY);

    assertThatThrownBy(() -> messages.findPage(PageRequest.first(10)))
        .isInstanceOf(StorageUnavailableException.class);
  }

  @Test
  void aPostWithoutAKeyIsNotRepeatedAfterACertificationFailureAndStoresNothing() {
    faults.failNext(Fault.CERTIFICATION_FAILURE_AT_COMMIT);

    assertThatThrownBy(() -> messages.add(unnumbered("refused")))
        .isInstanceOf(StorageConflictException.class);
    assertThat(storedRows()).isZero();
  }

  @Test
  void aPostWithoutAKeyOnANodeThatIsNotReadyIsUnavailableAndStoresNothing() {
    faults.failNext(Fault.NODE_NOT_READY);

    assertThatThrownBy(() -> messages.add(message(3, "refused")))
        .isInstanceOf(StorageUnavailableException.class);
    assertThat(storedRows()).isZero();
  }

  @Test
  void aKeyedPostIsRepeatedOnceAfterACertificationFailureAndStoredOnce() {
    KeyClaim.Granted claim = claim("k-1", message(4, "keyed"));
    faults.failNext(Fault.CERTIFICATION_FAILURE_AT_COMMIT);

    Message created = keys.addMessage(claim, message(4, "keyed"), NOW.plusSeconds(60));

    assertThat(created.id()).isEqualTo(new MessageId(4));
    assertThat(storedRows()).isEqualTo(1);
  }

  @Test
  void aKeyedPostRefusedTwiceIsAConflictAndStoresNothing() {
    KeyClaim.Granted claim = claim("k-2", message(5, "keyed"));
    faults.failNext(Fault.CERTIFICATION_FAILURE_AT_COMMIT);
    faults.failNext(Fault.CERTIFICATION_FAILURE_AT_COMMIT);

    assertThatThrownBy(() -> keys.addMessage(claim, message(5, "keyed"), NOW.plusSeconds(60)))
        .isInstanceOf(StorageConflictException.class);
    assertThat(storedRows()).isZero();
  }

  @Test
  void aCommitWhoseAnswerIsLostIsAnUnknownOutcomeThoughTheMessageWasStored() {
    faults.failNext(Fault.CONNECTION_LOST_AFTER_COMMIT);

    assertThatThrownBy(() -> messages.add(unnumbered("landed")))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(storedRows()).isEqualTo(1);
  }

  @Test
  void aCommitLostBeforeItLandedIsAnUnknownOutcomeToo() {
    faults.failNext(Fault.CONNECTION_LOST_BEFORE_COMMIT);

    assertThatThrownBy(() -> messages.add(message(6, "lost")))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(storedRows()).isZero();
  }

  @Test
  void aRepeatThatLosesItsConnectionBeforeCommitStoresNothingAndSaysSo() {
    KeyClaim.Granted claim = claim("k-5", message(14, "keyed"));
    faults.failNext(Fault.CERTIFICATION_FAILURE_AT_COMMIT);
    faults.failNext(Fault.CONNECTION_LOST_BEFORE_STATEMENT);

    assertThatThrownBy(() -> keys.addMessage(claim, message(14, "keyed"), NOW.plusSeconds(60)))
        .isInstanceOf(StorageUnavailableException.class);
    assertThat(storedRows()).isZero();
  }

  @Test
  void aReadThatLosesItsConnectionIsUnavailable() {
    faults.failNext(Fault.CONNECTION_LOST_BEFORE_STATEMENT);

    assertThatThrownBy(() -> messages.findById(new MessageId(1)))
        .isInstanceOf(StorageUnavailableException.class);
  }

  @Test
  void aKeyedPostWhoseCommitAnswerIsLostIsUnknownAndTheKeyRecordsTheMessage() {
    NewMessage keyed = message(7, "keyed and landed");
    KeyClaim.Granted claim = claim("k-3", keyed);
    faults.failNext(Fault.CONNECTION_LOST_AFTER_COMMIT);

    assertThatThrownBy(() -> keys.addMessage(claim, keyed, NOW.plusSeconds(60)))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(keys.claim(claimRequest("k-3", keyed))).isInstanceOf(KeyClaim.Completed.class);
  }

  @Test
  void anEditWhoseAnswerIsLostIsAnUnknownOutcomeThoughItWasApplied() {
    Message stored = messages.add(message(8, "before"));
    faults.failNext(Fault.CONNECTION_LOST_AFTER_COMMIT);

    assertThatThrownBy(() -> messages.update(stored.edit(new MessageText("after"), NOW)))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(messages.findById(new MessageId(8)).orElseThrow().text()).isEqualTo("after");
  }

  @Test
  void aRefusedEditIsRepeatedOnceBecauseItNamesTheVersionItReplaces() {
    Message stored = messages.add(message(9, "before"));
    faults.failNext(Fault.NODE_NOT_READY);

    assertThat(messages.update(stored.edit(new MessageText("after"), NOW))).isTrue();
    assertThat(messages.findById(new MessageId(9)).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void aRefusedDeleteIsRepeatedOnlyWhenItNamesAVersion() {
    messages.add(message(10, "versioned"));
    messages.add(message(11, "unversioned"));
    faults.failNext(Fault.NODE_NOT_READY);
    assertThat(messages.delete(new MessageId(10), OptionalLong.of(1))).isTrue();

    faults.failNext(Fault.NODE_NOT_READY);
    assertThatThrownBy(() -> messages.delete(new MessageId(11), OptionalLong.empty()))
        .isInstanceOf(StorageUnavailableException.class);
    assertThat(messages.findById(new MessageId(11))).isPresent();
  }

  @Test
  void aDeleteWhoseAnswerIsLostIsAnUnknownOutcome() {
    messages.add(message(12, "doomed"));
    faults.failNext(Fault.CONNECTION_LOST_AFTER_COMMIT);

    assertThatThrownBy(() -> messages.delete(new MessageId(12), OptionalLong.empty()))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(messages.findById(new MessageId(12))).isEmpty();
  }

  @Test
  void aRefusedClaimIsRepeatedOnce() {
    faults.failNext(Fault.NODE_NOT_READY);

    assertThat(keys.claim(claimRequest("k-4", message(13, "x"))))
        .isInstanceOf(KeyClaim.Granted.class);
  }

  private KeyClaim.Granted claim(String key, NewMessage message) {
    return (KeyClaim.Granted) keys.claim(claimRequest(key, message));
  }

  private static ClaimRequest claimRequest(String key, NewMessage message) {
    return new ClaimRequest(
        SCOPE,
        new IdempotencyKey(key),
        RequestFingerprint.of(new PostMessageCommand(message.requestedId(), message.text())),
        REPLICA,
        NOW,
        NOW.plusSeconds(30));
  }
}
