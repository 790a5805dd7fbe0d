package io.messageboard.application;

import io.messageboard.domain.failure.DomainException;
import io.messageboard.domain.idempotency.PostMessageOnceCommand;
import io.messageboard.domain.idempotency.PostOutcome;
import io.messageboard.domain.port.in.PostMessageOnceUseCase;
import io.messageboard.domain.port.out.MessageMetrics;
import java.util.Objects;

/**
 * Counts the outcomes of posts with an idempotency key as {@link MeteredUseCases} counts the other
 * use cases: a replay created nothing, so only a fresh post counts as a created message.
 */
final class MeteredPostOnce implements PostMessageOnceUseCase {

  private final PostMessageOnceUseCase service;
  private final MessageMetrics metrics;

  MeteredPostOnce(PostMessageOnceUseCase service, MessageMetrics metrics) {
    this.service = Objects.requireNonNull(service, "service");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public PostOutcome post(PostMessageOnceCommand command) {
    PostOutcome outcome;
    try {
      outcome = service.post(command);
    } catch (DomainException failure) {
      metrics.failed(failure.kind());
      throw failure;
    }
    if (!outcome.replayed()) {
      metrics.messageCreated();
    }
    return outcome;
  }
}
