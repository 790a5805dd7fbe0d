package io.messageboard.application;

import io.messageboard.domain.command.EditMessageCommand;
import io.messageboard.domain.failure.MessageNotFoundException;
import io.messageboard.domain.failure.VersionMismatchException;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.port.in.EditMessageUseCase;
import io.messageboard.domain.port.out.MessageMetrics;
import io.messageboard.domain.port.out.MessageRepository;
import java.time.Clock;
import java.util.Objects;

/**
 * Edits messages with optimistic concurrency: the store applies an edit only on top of the version
 * it was made from. Without an expected version the caller asked for "last writer wins", so a lost
 * race is retried on the newer version a bounded number of times.
 */
public final class EditMessageService implements EditMessageUseCase {

  static final int UNCONDITIONAL_ATTEMPTS = 5;

  private final MessageRepository repository;
  private final MessageMetrics metrics;
  private final Clock clock;

  public EditMessageService(MessageRepository repository, MessageMetrics metrics, Clock clock) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Message edit(EditMessageCommand command) {
    Message edited = MeteredOutcome.counting(metrics, () -> attempt(command));
    metrics.messageEdited();
    return edited;
  }

  private Message attempt(EditMessageCommand command) {
    int attempts = command.expectedVersion().isPresent() ? 1 : UNCONDITIONAL_ATTEMPTS;
    Message current = null;
    for (int i = 0; i < attempts; i++) {
      current =
          repository
              .findById(command.id())
              .orElseThrow(() -> new MessageNotFoundException(command.id()));
      current.requireVersion(command.expectedVersion());
      Message edited = current.edit(command.text(), clock.instant());
      if (repository.update(edited)) {
        return edited;
      }
    }
    throw new VersionMismatchException(
        command.id(), command.expectedVersion().orElse(current.version()));
  }
}
