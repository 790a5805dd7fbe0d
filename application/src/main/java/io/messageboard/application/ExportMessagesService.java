package io.messageboard.application;

import io.messageboard.domain.model.Message;
import io.messageboard.domain.port.in.ExportMessagesUseCase;
import io.messageboard.domain.port.out.MessageMetrics;
import io.messageboard.domain.port.out.MessageRepository;
import java.util.Objects;
import java.util.function.Consumer;

/** Streams every message to a sink. */
public final class ExportMessagesService implements ExportMessagesUseCase {

  private final MessageRepository repository;
  private final MessageMetrics metrics;

  public ExportMessagesService(MessageRepository repository, MessageMetrics metrics) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public void exportAll(Consumer<Message> sink) {
    MeteredOutcome.counting(
        metrics,
        () -> {
          repository.forEachMessage(sink);
          return null;
        });
  }
}
