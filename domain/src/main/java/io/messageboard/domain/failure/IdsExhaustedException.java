package io.messageboard.domain.failure;

/**
 * The store has handed out every id it assigns (its counter passed the highest id); the caller may
 * still choose a free id itself. Ids a client chose never bring this about.
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
