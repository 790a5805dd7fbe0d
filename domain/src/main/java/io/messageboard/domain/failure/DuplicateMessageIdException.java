package io.messageboard.domain.failure;

/** A message with the requested id already exists. */
public final class DuplicateMessageIdException extends DomainException {

  private final int id;

  public DuplicateMessageIdException(int id) {
    super("A message with id " + id + " already exists");
    this.id = id;
  }

  public int id() {
    return id;
  }

  @Override
  public FailureKind kind() {
    return FailureKind.DUPLICATE;
  }
}
