package io.messageboard.domain.failure;

/**
 * The message store cannot be reached or refused to serve (a database node outside its cluster's
 * primary component, say) before anything was written; the caller may retry later.
 */
public final class StorageUnavailableException extends DomainException {

  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public FailureKind kind() {
    return FailureKind.STORAGE_UNAVAILABLE;
  }
}
