package io.messageboard.adapter.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.jdbi.JdbiIdempotencyKeyRepository;
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
import io.messageboard.domain.model.ReplicaId;
import io.messageboard.domain.model.StoredMessages;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * V7 records the message a keyed post created instead of its HTTP response; keys completed by the
 * releases before it (before the migration, or during a rollout) are not converted and keep
 * replaying the message their response showed.
 */
class IdempotencyKeysRecordTheMessageMigrationTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final String TEXT = "he said \"hi\" \\ 👋 é ✓ </script>";
  private static final RequestFingerprint FINGERPRINT =
      RequestFingerprint.of(new PostMessageCommand(Optional.empty(), new MessageText(TEXT)));
  private static final Message CREATED =
      StoredMessages.restore(
          new MessageId(-7),
          TEXT,
          "replica-2",
          Instant.parse("2026-06-01T11:00:00.123Z"),
          Instant.parse("2026-06-01T11:00:00.123Z"),
          1);
  // The v1 API's 201 body for CREATED, as Jackson wrote it.
  private static final String BODY =
      "{\"id\":-7,\"text\":\"he said \\\"hi\\\" \\\\ 👋 é ✓ </script>\",\"replica\":\"replica-2\","
          + "\"createdAt\":\"2026-06-01T11:00:00.123Z\",\"updatedAt\":\"2026-06-01T11:00:00.123Z\","
          + "\"version\":1}";

  @Test
  void aKeyCompletedBeforeTheMigrationReplaysTheMessageItsResponseShowed() {
    TestDatabase database = TestDatabases.fresh(IdempotencyKeysRecordTheMessageMigrationTest.class);
    OldReleaseRows.migrateUpTo(database, "6");
    writeAsThePreviousRelease(database, "done-before", BODY);

    assertThat(database.migrate()).isEqualTo(4);

    assertThat(claimed(database, "done-before"))
        .isEqualTo(new KeyClaim.Completed(FINGERPRINT, CREATED));
  }

  @Test
  void aKeyCompletedByThePreviousReleaseDuringTheRolloutReplaysToo() {
    TestDatabase database = TestDatabases.fresh(IdempotencyKeysRecordTheMessageMigrationTest.class);
    database.migrate();

    writeAsThePreviousRelease(database, "done-during", BODY);

    assertThat(claimed(database, "done-during"))
        .isEqualTo(new KeyClaim.Completed(FINGERPRINT, CREATED));
  }

  @Test
  void aKeyInFlightBeforeTheMigrationStaysInFlight() {
    TestDatabase database = TestDatabases.fresh(IdempotencyKeysRecordTheMessageMigrationTest.class);
    OldReleaseRows.migrateUpTo(database, "6");
    writeAsThePreviousRelease(database, "running", null);

    database.migrate();

    assertThat(claimed(database, "running"))
        .isEqualTo(new KeyClaim.InFlight(FINGERPRINT, NOW.plusSeconds(30)));
  }

  @Test
  void aKeyCompletedNowRecordsTheMessageAndNoResponse() {
    TestDatabase database = TestDatabases.fresh(IdempotencyKeysRecordTheMessageMigrationTest.class);
    database.migrate();

    try (HikariDataSource pool = database.ownerPool()) {
      JdbiIdempotencyKeyRepository keys = new JdbiIdempotencyKeyRepository(pool);
      KeyClaim.Granted granted = (KeyClaim.Granted) keys.claim(claim("new"));
      keys.addMessage(
          granted,
          new NewMessage(
              Optional.of(new MessageId(3)), new MessageText(TEXT), new ReplicaId("r3"), NOW),
          NOW.plusSeconds(3600));

      Map<String, Object> row =
          Jdbi.create(pool)
              .withHandle(
                  handle ->
                      handle
                          .createQuery(
                              "SELECT response_status, response_body, message_text"
                                  + " FROM idempotency_keys")
                          .mapToMap()
                          .one());
      assertThat(row)
          .containsEntry("response_status", null)
          .containsEntry("response_body", null)
          .containsEntry("message_text", TEXT);
    }
  }

  /** A key row as the releases before V7 wrote it: in flight without a body, done with one. */
  private static void writeAsThePreviousRelease(
      TestDatabase database, String key, @Nullable String body) {
    try (HikariDataSource pool = database.ownerPool()) {
      Jdbi.create(pool)
          .useHandle(
              handle ->
                  handle
                      .createUpdate(
                          "INSERT INTO idempotency_keys (idempotency_key, fingerprint, claim_token,"
                              + " claimed_by, response_status, response_headers, response_body,"
                              + " created_at, expires_at) VALUES (:key, :fingerprint,"
                              + " '00000000-0000-0000-0000-000000000000', 'r1', :status, :headers,"
                              + " :body, '2026-06-01 12:00:00', :expiresAt)")
                      .bind("key", key)
                      .bind("fingerprint", FINGERPRINT.value())
                      .bind("status", body == null ? null : 201)
                      .bind(
                          "headers",
                          body == null
                              ? null
                              : "Content-Type: application/json\nETag: \"1\"\nLocation:"
                                  + " /api/v1/messages/-7")
                      .bind("body", body)
                      .bind(
                          "expiresAt", body == null ? "2026-06-01 12:00:30" : "2026-06-02 12:00:00")
                      .execute());
    }
  }

  /** What a request of the current release finds when it asks for {@code key}. */
  private static KeyClaim claimed(TestDatabase database, String key) {
    try (HikariDataSource pool = database.ownerPool()) {
      return new JdbiIdempotencyKeyRepository(pool).claim(claim(key));
    }
  }

  private static ClaimRequest claim(String key) {
    return new ClaimRequest(
        ClientScope.ANONYMOUS,
        new IdempotencyKey(key),
        FINGERPRINT,
        new ReplicaId("r2"),
        NOW,
        NOW.plusSeconds(30));
  }
}
