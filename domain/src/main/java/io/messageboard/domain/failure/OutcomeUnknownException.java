package io.messageboard.domain.failure;

/**
 * The store stopped answering after a change was sent to it: the change may or may not have been
 * stored. Unlike an unavailable store, nothing says the change did not happen; the caller reads
 * before it repeats the change, or repeats it under the same idempotency key.
 */
public final class OutcomeUnknownException extends DomainException {

  public OutcomeUnknownException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public FailureKind kind() {
    return FailureKind.OUTCOME_UNKNOWN;
  }
}
