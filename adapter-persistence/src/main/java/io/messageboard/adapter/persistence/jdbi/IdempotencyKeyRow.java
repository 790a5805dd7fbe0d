package io.messageboard.adapter.persistence.jdbi;

import io.messageboard.domain.idempotency.KeyClaim;
import io.messageboard.domain.idempotency.RequestFingerprint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code idempotency_keys}: in flight while it records no message, done once it records
 * the message its post created.
 */
record IdempotencyKeyRow(
    String fingerprint, String claimToken, @Nullable MessageRow created, Instant expiresAt) {

  /**
   * The columns {@link Mapper} reads. A row completed by a replica of the release before V7 holds
   * the JSON of its message in response_body instead of message_*; it is read from there, so that
   * it replays until it expires.
   */
  static final String COLUMNS =
      "fingerprint, claim_token, expires_at,"
          + " COALESCE(message_id, JSON_VALUE(response_body, '$.id')) AS clid,"
          + " COALESCE(message_text, JSON_VALUE(response_body, '$.text')) AS mess,"
          + " COALESCE(message_replica, JSON_VALUE(response_body, '$.replica')) AS sid,"
          + " COALESCE(message_created_at, "
          + fromIsoInstant("createdAt")
          + ") AS created_at,"
          + " COALESCE(message_updated_at, "
          + fromIsoInstant("updatedAt")
          + ") AS updated_at,"
          + " COALESCE(message_version, JSON_VALUE(response_body, '$.version')) AS version";

  private static final MessageRowMapper MESSAGE = new MessageRowMapper();

  // The v1 API writes instants as 2026-01-02T03:04:05.678Z.
  private static String fromIsoInstant(String field) {
    return "STR_TO_DATE(JSON_VALUE(response_body, '$." + field + "'), '%Y-%m-%dT%H:%i:%s.%fZ')";
  }

  boolean hasExpiredAt(Instant now) {
    return !expiresAt.isAfter(now);
  }

  /** What a request finds when it asks for a key held or used by another request. */
  KeyClaim foundByOthers() {
    RequestFingerprint held = new RequestFingerprint(fingerprint);
    if (created == null) {
      return new KeyClaim.InFlight(held, expiresAt);
    }
    return new KeyClaim.Completed(held, created.toMessage());
  }

  /** Maps the {@link #COLUMNS} by name. */
  static final class Mapper implements RowMapper<IdempotencyKeyRow> {
    @Override
    public IdempotencyKeyRow map(ResultSet rs, StatementContext ctx) throws SQLException {
      // No message id: nothing recorded yet, the key is in flight.
      rs.getInt("clid");
      @Nullable MessageRow created = rs.wasNull() ? null : MESSAGE.map(rs, ctx);
      return new IdempotencyKeyRow(
          rs.getString("fingerprint"),
          rs.getString("claim_token"),
          created,
          rs.getObject("expires_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }
  }
}
