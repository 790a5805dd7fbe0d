package io.messageboard.adapter.persistence.jdbi;

import io.messageboard.domain.idempotency.KeyClaim;
import io.messageboard.domain.idempotency.RecordedResponse;
import io.messageboard.domain.idempotency.RequestFingerprint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jspecify.annotations.Nullable;

/** A row of {@code idempotency_keys}: in flight while it has no response, done once it has one. */
record IdempotencyKeyRow(
    String fingerprint,
    String claimToken,
    @Nullable Integer responseStatus,
    @Nullable String responseHeaders,
    @Nullable String responseBody,
    Instant expiresAt) {

  static final String COLUMNS =
      "fingerprint, claim_token, response_status, response_headers, response_body, expires_at";

  boolean hasExpiredAt(Instant now) {
    return !expiresAt.isAfter(now);
  }

  /** What a request finds when it asks for a key held or used by another request. */
  KeyClaim foundByOthers() {
    RequestFingerprint held = new RequestFingerprint(fingerprint);
    if (responseStatus == null) {
      return new KeyClaim.InFlight(held, expiresAt);
    }
    String body = Objects.requireNonNull(responseBody, "a completed key's response_body");
    return new KeyClaim.Completed(
        held, new RecordedResponse(responseStatus, headers(responseHeaders), body));
  }

  /** Headers as stored: one {@code Name: value} line each. */
  static String headerLines(RecordedResponse response) {
    return response.sortedHeaders().entrySet().stream()
        .map(header -> header.getKey() + ": " + header.getValue())
        .collect(Collectors.joining("\n"));
  }

  private static Map<String, String> headers(@Nullable String lines) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (lines != null && !lines.isEmpty()) {
      for (String line : lines.split("\n", -1)) {
        int colon = line.indexOf(": ");
        headers.put(line.substring(0, colon), line.substring(colon + 2));
      }
    }
    return headers;
  }

  /** Maps the {@link #COLUMNS} by name. */
  static final class Mapper implements RowMapper<IdempotencyKeyRow> {
    @Override
    public IdempotencyKeyRow map(ResultSet rs, StatementContext ctx) throws SQLException {
      int stored = rs.getInt("response_status");
      Integer status = rs.wasNull() ? null : stored;
      return new IdempotencyKeyRow(
          rs.getString("fingerprint"),
          rs.getString("claim_token"),
          status,
          rs.getString("response_headers"),
          rs.getString("response_body"),
          rs.getObject("expires_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }
  }
}
