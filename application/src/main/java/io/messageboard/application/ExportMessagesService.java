package io.messageboard.application;

import io.messageboard.domain.model.Message;
import io.messageboard.domain.port.in.ExportMessagesUseCase;
import io.messageboard.domain.port.out.MessageRepository;
import java.util.Objects;
import java.util.function.Consumer;

/** Streams every message to a sink. */
public final class ExportMessagesService implements ExportMessagesUseCase {

  private final MessageRepository repository;

  public ExportMessagesService(MessageRepository repository) {
    this.repository = Objects.requireNonNull(repository, "repository");
  }

  @Override
  public void exportAll(Consumer<Message> sink) {
    repository.forEachMessage(sink);
  }
}
