package io.messageboard.application;

import io.messageboard.domain.failure.FailureKind;
import io.messageboard.domain.port.out.MessageMetrics;

/** Message metrics that count nothing; for library users who export no metrics. */
public final class NoMessageMetrics implements MessageMetrics {

  /** Metrics that count nothing. */
  public NoMessageMetrics() {}

  @Override
  public void messageCreated() {}

  @Override
  public void messageEdited() {}

  @Override
  public void messageDeleted() {}

  @Override
  public void failed(FailureKind kind) {}
}
