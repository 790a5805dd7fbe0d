package io.messageboard.domain.failure;

import io.messageboard.domain.model.MessageId;

/** A message with the requested id already exists. */
public final class DuplicateMessageIdException extends DomainException {

  private final MessageId id;

  public DuplicateMessageIdException(MessageId id) {
    super("A message with id " + id.value() + " already exists");
    this.id = id;
  }

  public MessageId id() {
    return id;
  }

  @Override
  public FailureKind kind() {
    return FailureKind.DUPLICATE;
  }
}
