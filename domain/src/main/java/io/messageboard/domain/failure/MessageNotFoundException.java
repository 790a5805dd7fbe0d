package io.messageboard.domain.failure;

/** No message is stored under the requested id. */
public final class MessageNotFoundException extends DomainException {

  private final int id;

  public MessageNotFoundException(int id) {
    super("No message with id " + id);
    this.id = id;
  }

  public int id() {
    return id;
  }

  @Override
  public FailureKind kind() {
    return FailureKind.NOT_FOUND;
  }
}
