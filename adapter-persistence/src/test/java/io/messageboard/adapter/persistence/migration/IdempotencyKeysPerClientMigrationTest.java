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
import io.messageboard.domain.model.MessageText;
import io.messageboard.domain.model.ReplicaId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Keys recorded before idempotency keys were scoped per client stay valid, as anonymous keys. */
class IdempotencyKeysPerClientMigrationTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final RequestFingerprint HELLO =
      RequestFingerprint.of(new PostMessageCommand(Optional.empty(), new MessageText("hello")));

  @Test
  void aKeyRecordedBeforeTheMigrationReplaysForTheAnonymousScopeOnly() {
    TestDatabase database = TestDatabases.fresh(IdempotencyKeysPerClientMigrationTest.class);
    migrateUpTo(database, "5");
    database.execute(
        "INSERT INTO idempotency_keys (idempotency_key, fingerprint, claim_token, claimed_by,"
            + " response_status, response_headers, response_body, created_at, expires_at) VALUES"
            + " ('old-key', '"
            + HELLO.value()
            + "', '00000000-0000-0000-0000-000000000000', 'r1', 201,"
            + " 'Location: /api/v1/messages/1', '"
            + OldReleaseRows.BODY_OF_MESSAGE_ONE
            + "', '2026-06-01 11:00:00',"
            + " '2026-06-02 11:00:00')");

    assertThat(database.migrate()).isEqualTo(5);

    try (HikariDataSource pool = database.ownerPool()) {
      JdbiIdempotencyKeyRepository keys = new JdbiIdempotencyKeyRepository(pool);
      assertThat(keys.claim(claim(ClientScope.ANONYMOUS)))
          .isEqualTo(new KeyClaim.Completed(HELLO, OldReleaseRows.MESSAGE_ONE));
      assertThat(keys.claim(claim(new ClientScope("0123456789abcdef0123456789abcdef"))))
          .isInstanceOf(KeyClaim.Granted.class);
    }
  }

  private static ClaimRequest claim(ClientScope scope) {
    return new ClaimRequest(
        scope, new IdempotencyKey("old-key"), HELLO, new ReplicaId("r2"), NOW, NOW.plusSeconds(30));
  }

  private static void migrateUpTo(TestDatabase database, String version) {
    OldReleaseRows.migrateUpTo(database, version);
  }
}
