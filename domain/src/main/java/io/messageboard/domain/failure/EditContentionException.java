package io.messageboard.domain.failure;

/**
 * An edit without an expected version lost the race to other edits on every attempt; nothing was
 * changed and the caller may simply try again.
 */
public final class EditContentionException extends DomainException {

  private final int id;

  public EditContentionException(int id, int attempts) {
    super(
        "Message "
            + id
            + " was changed by other edits during each of "
            + attempts
            + " attempts; try again");
    this.id = id;
  }

  public int id() {
    return id;
  }

  @Override
  public FailureKind kind() {
    return FailureKind.EDIT_CONTENTION;
  }
}
