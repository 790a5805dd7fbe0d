package io.messageboard.domain.idempotency;

import io.messageboard.domain.model.Message;
import java.time.Instant;
import java.util.Objects;

/**
 * What asking to hold an idempotency key found: it is now ours, another request holds it, or done.
 */
public sealed interface KeyClaim {

  /**
   * The key of client {@code scope} is held for this request; {@code token} tells this hold from
   * any later one.
   */
  record Granted(ClientScope scope, IdempotencyKey key, String token) implements KeyClaim {
    public Granted {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(token, "token");
    }
  }

  /** Another request holds the key and has not finished; its hold lapses at {@code leaseUntil}. */
  record InFlight(RequestFingerprint fingerprint, Instant leaseUntil) implements KeyClaim {
    public InFlight {
      Objects.requireNonNull(fingerprint, "fingerprint");
      Objects.requireNonNull(leaseUntil, "leaseUntil");
    }
  }

  /**
   * A request with the key finished and created {@code created}: the message as it was then, even
   * if it was edited or deleted since.
   */
  record Completed(RequestFingerprint fingerprint, Message created) implements KeyClaim {
    public Completed {
      Objects.requireNonNull(fingerprint, "fingerprint");
      Objects.requireNonNull(created, "created");
    }
  }
}
