package io.messageboard.domain.failure;

import io.messageboard.domain.model.MessageId;

/**
 * The caller expected another version of the message than the one stored (optimistic concurrency).
 */
public final class VersionMismatchException extends DomainException {

  private final MessageId id;
  private final long expectedVersion;

  public VersionMismatchException(MessageId id, long expectedVersion) {
    super("Message " + id.value() + " is no longer at version " + expectedVersion);
    this.id = id;
    this.expectedVersion = expectedVersion;
  }

  public MessageId id() {
    return id;
  }

  public long expectedVersion() {
    return expectedVersion;
  }

  @Override
  public FailureKind kind() {
    return FailureKind.CONFLICT;
  }
}
