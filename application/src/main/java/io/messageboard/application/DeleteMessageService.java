package io.messageboard.application;

import io.messageboard.domain.command.DeleteMessageCommand;
import io.messageboard.domain.failure.MessageNotFoundException;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.port.in.DeleteMessageUseCase;
import io.messageboard.domain.port.out.MessageRepository;
import java.util.Objects;

/** Deletes messages, optionally only at the version the caller saw. */
public final class DeleteMessageService implements DeleteMessageUseCase {

  private final MessageRepository repository;

  public DeleteMessageService(MessageRepository repository) {
    this.repository = Objects.requireNonNull(repository, "repository");
  }

  @Override
  public void delete(DeleteMessageCommand command) {
    if (!repository.delete(command.id(), command.expectedVersion())) {
      explainWhyNothingWasDeleted(command);
    }
  }

  private void explainWhyNothingWasDeleted(DeleteMessageCommand command) {
    Message current =
        repository
            .findById(command.id())
            .orElseThrow(() -> new MessageNotFoundException(command.id().value()));
    current.requireVersion(command.expectedVersion());
    throw new MessageNotFoundException(command.id().value());
  }
}
