package io.messageboard.domain.failure;

import io.messageboard.domain.model.MessageId;

/** No message is stored under the requested id. */
public final class MessageNotFoundException extends DomainException {

  private final MessageId id;

  public MessageNotFoundException(MessageId id) {
    super("No message with id " + id.value());
    this.id = id;
  }

  public MessageId id() {
    return id;
  }

  @Override
  public FailureKind kind() {
    return FailureKind.NOT_FOUND;
  }
}
