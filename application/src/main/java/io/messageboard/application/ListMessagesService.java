package io.messageboard.application;

import io.messageboard.domain.model.MessagePage;
import io.messageboard.domain.model.PageRequest;
import io.messageboard.domain.port.in.ListMessagesUseCase;
import io.messageboard.domain.port.out.MessageMetrics;
import io.messageboard.domain.port.out.MessageRepository;
import java.util.Objects;

/** Lists messages a page at a time. */
public final class ListMessagesService implements ListMessagesUseCase {

  private final MessageRepository repository;
  private final MessageMetrics metrics;

  public ListMessagesService(MessageRepository repository, MessageMetrics metrics) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public MessagePage list(PageRequest request) {
    return MeteredOutcome.counting(metrics, () -> repository.findPage(request));
  }
}
