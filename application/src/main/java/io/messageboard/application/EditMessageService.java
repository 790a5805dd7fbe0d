package io.messageboard.application;

import io.messageboard.domain.command.EditMessageCommand;
import io.messageboard.domain.failure.EditContentionException;
import io.messageboard.domain.failure.MessageNotFoundException;
import io.messageboard.domain.failure.VersionMismatchException;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.port.in.EditMessageUseCase;
import io.messageboard.domain.port.out.MessageRepository;
import java.time.Clock;
import java.util.Objects;

/**
 * Edits messages with optimistic concurrency: the store applies an edit only on top of the version
 * it was made from. Without an expected version the caller asked for "last writer wins", so a lost
 * race is retried on the newer version a bounded number of times, and losing every time is
 * contention ({@link EditContentionException}), not a version the caller named.
 */
public final class EditMessageService implements EditMessageUseCase {

  static final int UNCONDITIONAL_ATTEMPTS = 5;

  private final MessageRepository repository;
  private final Clock clock;

  public EditMessageService(MessageRepository repository, Clock clock) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Message edit(EditMessageCommand command) {
    int attempts = command.expectedVersion().isPresent() ? 1 : UNCONDITIONAL_ATTEMPTS;
    for (int i = 0; i < attempts; i++) {
      Message current =
          repository
              .findById(command.id())
              .orElseThrow(() -> new MessageNotFoundException(command.id().value()));
      current.requireVersion(command.expectedVersion());
      Message edited = current.edit(command.text(), clock.instant());
      if (repository.update(edited)) {
        return edited;
      }
    }
    if (command.expectedVersion().isPresent()) {
      throw new VersionMismatchException(
          command.id().value(), command.expectedVersion().getAsLong());
    }
    throw new EditContentionException(command.id().value(), attempts);
  }
}
