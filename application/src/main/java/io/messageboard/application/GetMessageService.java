package io.messageboard.application;

import io.messageboard.domain.failure.MessageNotFoundException;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.port.in.GetMessageUseCase;
import io.messageboard.domain.port.out.MessageMetrics;
import io.messageboard.domain.port.out.MessageRepository;
import java.util.Objects;

/** Reads single messages. */
public final class GetMessageService implements GetMessageUseCase {

  private final MessageRepository repository;
  private final MessageMetrics metrics;

  public GetMessageService(MessageRepository repository, MessageMetrics metrics) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public Message get(MessageId id) {
    return MeteredOutcome.counting(
        metrics, () -> repository.findById(id).orElseThrow(() -> new MessageNotFoundException(id)));
  }
}
