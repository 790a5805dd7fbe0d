package io.messageboard.domain.failure;

import java.util.Objects;

/** Base of the small family of unchecked failures the domain and its ports may raise. */
public abstract sealed class DomainException extends RuntimeException
    permits MessageNotFoundException,
        DuplicateMessageIdException,
        VersionMismatchException,
        InvalidInputException,
        StorageUnavailableException,
        StorageConflictException,
        OutcomeUnknownException,
        IdsExhaustedException,
        EditContentionException,
        IdempotencyKeyInUseException,
        IdempotencyKeyReusedException,
        FeedBusyException {

  protected DomainException(String message) {
    super(message);
  }

  protected DomainException(String message, Throwable cause) {
    super(message, cause);
  }

  /** What went wrong, in words a client may read; every domain failure is built with one. */
  @Override
  public String getMessage() {
    return Objects.requireNonNull(super.getMessage());
  }

  /** The kind of failure, for metrics and for adapters that map failures to responses. */
  public abstract FailureKind kind();
}
