package io.messageboard.adapter.persistence.jdbi;

import static io.messageboard.adapter.persistence.jdbi.MessageInserts.utc;

import io.messageboard.domain.failure.IdempotencyKeyInUseException;
import io.messageboard.domain.idempotency.ClaimRequest;
import io.messageboard.domain.idempotency.KeyClaim;
import io.messageboard.domain.idempotency.RecordedResponse;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.port.out.IdempotencyKeyRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Idempotency keys on MariaDB: a key is taken by inserting its row (the primary key makes one
 * request win across replicas), and completed in the transaction that inserts the message, after
 * checking under a row lock that the hold is still this request's.
 */
public final class JdbiIdempotencyKeyRepository implements IdempotencyKeyRepository {

  // A row can vanish between a failed INSERT and the SELECT (released or purged); try again then.
  private static final int CLAIM_ATTEMPTS = 3;

  private final Jdbi jdbi;
  private final IdempotencyKeyRow.Mapper mapper = new IdempotencyKeyRow.Mapper();

  public JdbiIdempotencyKeyRepository(DataSource dataSource) {
    this.jdbi = QuietJdbi.over(dataSource);
  }

  @Override
  public KeyClaim claim(ClaimRequest request) {
    for (int attempt = 1; ; attempt++) {
      Optional<KeyClaim> claim = translated(() -> tryClaim(request));
      if (claim.isPresent() || attempt == CLAIM_ATTEMPTS) {
        return claim.orElseThrow(IdempotencyKeyInUseException::new);
      }
    }
  }

  private Optional<KeyClaim> tryClaim(ClaimRequest request) {
    String token = UUID.randomUUID().toString();
    try {
      jdbi.useHandle(
          handle ->
              handle
                  .createUpdate(
                      "INSERT INTO idempotency_keys (idempotency_key, fingerprint, claim_token,"
                          + " claimed_by, created_at, expires_at) VALUES (:key, :fingerprint,"
                          + " :token, :replica, :now, :leaseUntil)")
                  .bind("key", request.key().value())
                  .bind("fingerprint", request.fingerprint().value())
                  .bind("token", token)
                  .bind("replica", request.replica().value())
                  .bind("now", utc(request.now()))
                  .bind("leaseUntil", utc(request.leaseUntil()))
                  .execute());
      return Optional.of(new KeyClaim.Granted(request.key(), token));
    } catch (JdbiException failure) {
      if (!SqlFailures.isDuplicateKey(failure)) {
        throw failure;
      }
    }
    return jdbi.inTransaction(handle -> takeOverIfLapsed(handle, request, token));
  }

  // Under the row lock: an expired row (its TTL or lease is over) is taken over, a live one
  // reported.
  private Optional<KeyClaim> takeOverIfLapsed(Handle handle, ClaimRequest request, String token) {
    Optional<IdempotencyKeyRow> row = lockedRow(handle, request.key().value());
    if (row.isEmpty()) {
      return Optional.empty();
    }
    if (!row.get().hasExpiredAt(request.now())) {
      return Optional.of(row.get().foundByOthers());
    }
    handle
        .createUpdate(
            "UPDATE idempotency_keys SET fingerprint = :fingerprint, claim_token = :token,"
                + " claimed_by = :replica, response_status = NULL, response_headers = NULL,"
                + " response_body = NULL, created_at = :now, expires_at = :leaseUntil"
                + " WHERE idempotency_key = :key")
        .bind("key", request.key().value())
        .bind("fingerprint", request.fingerprint().value())
        .bind("token", token)
        .bind("replica", request.replica().value())
        .bind("now", utc(request.now()))
        .bind("leaseUntil", utc(request.leaseUntil()))
        .execute();
    return Optional.of(new KeyClaim.Granted(request.key(), token));
  }

  @Override
  public RecordedResponse addMessage(
      KeyClaim.Granted claim,
      NewMessage message,
      Function<Message, RecordedResponse> response,
      Instant expiresAt) {
    return translated(
        () ->
            jdbi.inTransaction(
                handle -> {
                  requireStillHeld(handle, claim);
                  RecordedResponse recorded =
                      response.apply(MessageInserts.insert(handle, message));
                  handle
                      .createUpdate(
                          "UPDATE idempotency_keys SET response_status = :status,"
                              + " response_headers = :headers, response_body = :body,"
                              + " expires_at = :expiresAt"
                              + " WHERE idempotency_key = :key AND claim_token = :token")
                      .bind("status", recorded.status())
                      .bind("headers", IdempotencyKeyRow.headerLines(recorded))
                      .bind("body", recorded.body())
                      .bind("expiresAt", utc(expiresAt))
                      .bind("key", claim.key().value())
                      .bind("token", claim.token())
                      .execute();
                  return recorded;
                }));
  }

  private void requireStillHeld(Handle handle, KeyClaim.Granted claim) {
    Optional<IdempotencyKeyRow> row = lockedRow(handle, claim.key().value());
    if (row.isEmpty() || !row.get().claimToken().equals(claim.token())) {
      throw new IdempotencyKeyInUseException();
    }
  }

  private Optional<IdempotencyKeyRow> lockedRow(Handle handle, String key) {
    return handle
        .createQuery(
            "SELECT "
                + IdempotencyKeyRow.COLUMNS
                + " FROM idempotency_keys WHERE idempotency_key = :key FOR UPDATE")
        .bind("key", key)
        .map(mapper)
        .findOne();
  }

  @Override
  public void release(KeyClaim.Granted claim) {
    translated(
        () ->
            jdbi.withHandle(
                handle ->
                    handle
                        .createUpdate(
                            "DELETE FROM idempotency_keys WHERE idempotency_key = :key"
                                + " AND claim_token = :token AND response_status IS NULL")
                        .bind("key", claim.key().value())
                        .bind("token", claim.token())
                        .execute()));
  }

  /**
   * One short DELETE through the expires_at index. READ COMMITTED takes no gap locks, so keys being
   * claimed meanwhile never wait for the purge.
   */
  @Override
  public int purgeExpired(Instant now, int limit) {
    return translated(
        () ->
            jdbi.inTransaction(
                TransactionIsolationLevel.READ_COMMITTED,
                handle ->
                    handle
                        .createUpdate(
                            "DELETE FROM idempotency_keys WHERE expires_at <= :now"
                                + " ORDER BY expires_at LIMIT :limit")
                        .bind("now", utc(now))
                        .bind("limit", limit)
                        .execute()));
  }

  private static <T> T translated(Supplier<T> access) {
    try {
      return access.get();
    } catch (JdbiException failure) {
      throw SqlFailures.translate(failure);
    }
  }
}
