package io.messageboard.adapter.persistence.jdbi;

import static io.messageboard.adapter.persistence.jdbi.MessageInserts.utc;

import io.messageboard.domain.failure.IdempotencyKeyInUseException;
import io.messageboard.domain.idempotency.ClaimRequest;
import io.messageboard.domain.idempotency.KeyClaim;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.port.out.IdempotencyKeyRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Update;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Idempotency keys on MariaDB, one row per client scope and key: a key is taken by inserting its
 * row (the primary key makes one request win across replicas), and completed in the transaction
 * that inserts the message, after checking under a row lock that the hold is still this request's.
 */
public final class JdbiIdempotencyKeyRepository implements IdempotencyKeyRepository {

  // A row can vanish between a failed INSERT and the SELECT (released or purged); try again then.
  private static final int CLAIM_ATTEMPTS = 3;

  private static final String HELD_BY_CLAIM =
      "client_scope = :scope AND idempotency_key = :key AND claim_token = :token";

  private final Jdbi jdbi;
  private final IdempotencyKeyRow.Mapper mapper = new IdempotencyKeyRow.Mapper();
  private final CoalescedWrites<KeyedPost, Message> keyedPosts;

  /** Keys on {@code dataSource}; keyed posts commit one batch at a time, waiting up to 5 s. */
  public JdbiIdempotencyKeyRepository(DataSource dataSource) {
    this(dataSource, 1, JdbiMessageRepository.DEFAULT_WAIT);
  }

  /**
   * Keys on {@code dataSource}; keyed posts that wait at the same time share a transaction, at most
   * {@code concurrentWriteBatches} such transactions at once, and a post waits at most {@code wait}
   * (the pool's connection timeout) for its turn.
   */
  public JdbiIdempotencyKeyRepository(
      DataSource dataSource, int concurrentWriteBatches, Duration wait) {
    this.jdbi = QuietJdbi.over(dataSource);
    this.keyedPosts = new CoalescedWrites<>(concurrentWriteBatches, wait, this::addAll);
  }

  /** MariaDB's UTC_TIMESTAMP(6): the clock of the node that takes the writes. */
  @Override
  public Instant now() {
    return DatabaseCalls.query(
        jdbi,
        handle ->
            handle
                .createQuery("SELECT UTC_TIMESTAMP(6)")
                .mapTo(LocalDateTime.class)
                .one()
                .toInstant(ZoneOffset.UTC));
  }

  @Override
  public KeyClaim claim(ClaimRequest request) {
    for (int attempt = 1; ; attempt++) {
      Optional<KeyClaim> claim = tryClaim(request);
      if (claim.isPresent() || attempt == CLAIM_ATTEMPTS) {
        return claim.orElseThrow(IdempotencyKeyInUseException::new);
      }
    }
  }

  // Repeated once when refused: the key makes a second run harmless. No message is stored here, so
  // a lost connection leaves nothing in doubt for the client (at worst a hold that lapses).
  private Optional<KeyClaim> tryClaim(ClaimRequest request) {
    String token = UUID.randomUUID().toString();
    if (DatabaseCalls.query(jdbi, handle -> insertedClaim(handle, request, token))) {
      return Optional.of(new KeyClaim.Granted(request.scope(), request.key(), token));
    }
    return DatabaseCalls.query(
        jdbi, handle -> handle.inTransaction(locked -> takeOverIfLapsed(locked, request, token)));
  }

  private static boolean insertedClaim(Handle handle, ClaimRequest request, String token) {
    try {
      bindClaim(
              handle.createUpdate(
                  "INSERT INTO idempotency_keys (client_scope, idempotency_key,"
                      + " fingerprint, claim_token, claimed_by, created_at, expires_at)"
                      + " VALUES (:scope, :key, :fingerprint, :token, :replica, :now,"
                      + " :leaseUntil)"),
              request,
              token)
          .execute();
      return true;
    } catch (JdbiException failure) {
      if (!SqlFailures.isDuplicateKey(failure)) {
        throw failure;
      }
      return false;
    }
  }

  // Under the row lock: an expired row (its TTL or lease is over) is taken over, a live one
  // reported.
  private Optional<KeyClaim> takeOverIfLapsed(Handle handle, ClaimRequest request, String token) {
    Optional<IdempotencyKeyRow> row =
        lockedRow(handle, request.scope().value(), request.key().value());
    if (row.isEmpty()) {
      return Optional.empty();
    }
    if (!row.get().hasExpiredAt(request.now())) {
      return Optional.of(row.get().foundByOthers());
    }
    bindClaim(
            handle.createUpdate(
                "UPDATE idempotency_keys SET fingerprint = :fingerprint, claim_token = :token,"
                    + " claimed_by = :replica, response_status = NULL, response_headers = NULL,"
                    + " response_body = NULL, message_id = NULL, message_text = NULL,"
                    + " message_replica = NULL, message_created_at = NULL,"
                    + " message_updated_at = NULL, message_version = NULL, created_at = :now,"
                    + " expires_at = :leaseUntil"
                    + " WHERE client_scope = :scope AND idempotency_key = :key"),
            request,
            token)
        .execute();
    return Optional.of(new KeyClaim.Granted(request.scope(), request.key(), token));
  }

  // The INSERT that takes a free key and the UPDATE that takes over a lapsed one write the same.
  private static Update bindClaim(Update statement, ClaimRequest request, String token) {
    return statement
        .bind("scope", request.scope().value())
        .bind("key", request.key().value())
        .bind("fingerprint", request.fingerprint().value())
        .bind("token", token)
        .bind("replica", request.replica().value())
        .bind("now", utc(request.now()))
        .bind("leaseUntil", utc(request.leaseUntil()));
  }

  /**
   * Only SQL runs while the key's row is locked: the message is recorded as stored, not rendered.
   */
  @Override
  public Message addMessage(KeyClaim.Granted claim, NewMessage message, Instant expiresAt) {
    return keyedPosts.write(new KeyedPost(claim, message, expiresAt));
  }

  // Keyed posts that arrive together share the transaction, each behind a savepoint, so that a
  // lost hold or a taken id refuses only its own post. Repeated once when refused (the keys make a
  // second run harmless); once the COMMIT was sent, a lost connection leaves the messages' fate
  // unknown.
  private List<WriteOutcome<Message>> addAll(List<KeyedPost> posts) {
    return DatabaseCalls.transaction(
        jdbi,
        true,
        handle -> MessageBatchInserts.oneByOne(handle, posts, post -> addUnderKey(handle, post)));
  }

  /**
   * Only SQL runs while the key's row is locked: the message is recorded as stored, not rendered.
   */
  private Message addUnderKey(Handle handle, KeyedPost post) {
    requireStillHeld(handle, post.claim());
    Message created = MessageInserts.insert(handle, post.message());
    bindHold(
            handle.createUpdate(
                "UPDATE idempotency_keys SET message_id = :id, message_text = :text,"
                    + " message_replica = :replica, message_created_at = :createdAt,"
                    + " message_updated_at = :updatedAt, message_version = :version,"
                    + " expires_at = :expiresAt WHERE "
                    + HELD_BY_CLAIM),
            post.claim())
        .bind("id", created.id().value())
        .bind("text", created.text())
        .bind("replica", created.replica())
        .bind("createdAt", utc(created.createdAt()))
        .bind("updatedAt", utc(created.updatedAt()))
        .bind("version", created.version())
        .bind("expiresAt", utc(post.expiresAt()))
        .execute();
    return created;
  }

  /** A post under a held key, waiting to be coalesced. */
  private record KeyedPost(KeyClaim.Granted claim, NewMessage message, Instant expiresAt) {}

  // The row a hold names, as HELD_BY_CLAIM selects it.
  private static Update bindHold(Update statement, KeyClaim.Granted claim) {
    return statement
        .bind("scope", claim.scope().value())
        .bind("key", claim.key().value())
        .bind("token", claim.token());
  }

  private void requireStillHeld(Handle handle, KeyClaim.Granted claim) {
    Optional<IdempotencyKeyRow> row = lockedRow(handle, claim.scope().value(), claim.key().value());
    if (row.isEmpty() || !row.get().claimToken().equals(claim.token())) {
      throw new IdempotencyKeyInUseException();
    }
  }

  private Optional<IdempotencyKeyRow> lockedRow(Handle handle, String scope, String key) {
    return handle
        .createQuery(
            "SELECT "
                + IdempotencyKeyRow.COLUMNS
                + " FROM idempotency_keys WHERE client_scope = :scope AND idempotency_key = :key"
                + " FOR UPDATE")
        .bind("scope", scope)
        .bind("key", key)
        .map(mapper)
        .findOne();
  }

  @Override
  public void release(KeyClaim.Granted claim) {
    DatabaseCalls.query(
        jdbi,
        handle ->
            bindHold(
                    handle.createUpdate(
                        "DELETE FROM idempotency_keys WHERE "
                            + HELD_BY_CLAIM
                            + " AND message_id IS NULL"),
                    claim)
                .execute());
  }

  /**
   * One short DELETE through the expires_at index. READ COMMITTED takes no gap locks, so keys being
   * claimed meanwhile never wait for the purge.
   */
  @Override
  public int purgeExpired(Instant now, int limit) {
    return DatabaseCalls.query(
        jdbi,
        purging ->
            purging.inTransaction(
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
}
