package io.messageboard.domain.failure;

/**
 * The replica already serves as many change-feed subscriptions as it may; the reader tries again
 * later, or another replica.
 */
public final class FeedBusyException extends DomainException {

  public FeedBusyException(int subscriptions) {
    super(
        "This replica already serves its "
            + subscriptions
            + " change-feed streams; try again shortly");
  }

  @Override
  public FailureKind kind() {
    return FailureKind.FEED_BUSY;
  }
}
