package io.messageboard.domain.idempotency;

import io.messageboard.domain.model.Message;
import java.util.Objects;

/**
 * What a post with an idempotency key did: created {@code created} now, or {@code replayed} the
 * outcome of an earlier request with the key, whose message is given as it was created.
 */
public record PostOutcome(Message created, boolean replayed) {

  public PostOutcome {
    Objects.requireNonNull(created, "created");
  }
}
