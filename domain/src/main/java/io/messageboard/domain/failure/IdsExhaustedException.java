package io.messageboard.domain.failure;

/**
 * The store has no id left to assign (the highest id is taken); the caller may still choose a free
 * id itself.
 */
public final class IdsExhaustedException extends DomainException {

  public IdsExhaustedException() {
    super("No message id is left to assign; post with an explicit free id");
  }

  @Override
  public FailureKind kind() {
    return FailureKind.IDS_EXHAUSTED;
  }
}
