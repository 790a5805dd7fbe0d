package io.messageboard.domain.idempotency;

import java.util.Objects;

/** The answer to a post with an idempotency key: fresh, or replayed from an earlier request. */
public record PostOutcome(RecordedResponse response, boolean replayed) {

  public PostOutcome {
    Objects.requireNonNull(response, "response");
  }
}
