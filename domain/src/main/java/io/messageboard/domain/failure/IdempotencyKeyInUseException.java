package io.messageboard.domain.failure;

/**
 * Another request with the same idempotency key is still being processed; the client retries later
 * and then gets that request's response.
 */
public final class IdempotencyKeyInUseException extends DomainException {

  public IdempotencyKeyInUseException() {
    super("A request with this idempotency key is still being processed; retry later");
  }

  @Override
  public FailureKind kind() {
    return FailureKind.IDEMPOTENCY_KEY_IN_USE;
  }
}
