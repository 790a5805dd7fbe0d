package io.messageboard.domain.failure;

/** The idempotency key was already used for a request that asked for something else. */
public final class IdempotencyKeyReusedException extends DomainException {

  public IdempotencyKeyReusedException() {
    super(
        "This idempotency key was used for a request with another body; use a new key for a new"
            + " request");
  }

  @Override
  public FailureKind kind() {
    return FailureKind.IDEMPOTENCY_KEY_REUSED;
  }
}
