package io.messageboard.domain.failure;

/** The message store cannot be reached right now; the caller may retry later. */
public final class StorageUnavailableException extends DomainException {

  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public FailureKind kind() {
    return FailureKind.STORAGE_UNAVAILABLE;
  }
}
