package io.messageboard.domain.idempotency;

import io.messageboard.domain.model.ReplicaId;
import java.time.Instant;
import java.util.Objects;

/**
 * A request asking to hold {@code key} of client {@code scope} while it runs: what it asks for,
 * which replica runs it, the time now and until when the hold lasts if the request never finishes.
 */
public record ClaimRequest(
    ClientScope scope,
    IdempotencyKey key,
    RequestFingerprint fingerprint,
    ReplicaId replica,
    Instant now,
    Instant leaseUntil) {

  public ClaimRequest {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(replica, "replica");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(leaseUntil, "leaseUntil");
    if (!leaseUntil.isAfter(now)) {
      throw new IllegalArgumentException("a lease ends after it starts");
    }
  }
}
