package io.messageboard.domain.failure;

/**
 * The store refused a change because a concurrent change to the same data won (a deadlock, or a
 * replicated database's certification of conflicting writes); nothing was written and the caller
 * may try again at once.
 */
public final class StorageConflictException extends DomainException {

  public StorageConflictException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public FailureKind kind() {
    return FailureKind.STORAGE_CONFLICT;
  }
}
