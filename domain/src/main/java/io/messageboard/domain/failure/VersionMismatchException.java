package io.messageboard.domain.failure;

/**
 * The caller expected another version of the message than the one stored (optimistic concurrency).
 */
public final class VersionMismatchException extends DomainException {

  private final int id;
  private final long expectedVersion;

  public VersionMismatchException(int id, long expectedVersion) {
    super("Message " + id + " is no longer at version " + expectedVersion);
    this.id = id;
    this.expectedVersion = expectedVersion;
  }

  public int id() {
    return id;
  }

  public long expectedVersion() {
    return expectedVersion;
  }

  @Override
  public FailureKind kind() {
    return FailureKind.VERSION_MISMATCH;
  }
}
