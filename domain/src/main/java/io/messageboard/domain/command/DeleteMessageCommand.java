package io.messageboard.domain.command;

import io.messageboard.domain.model.MessageId;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Input of {@code DeleteMessageUseCase}; with an expected version the delete applies only to that
 * version.
 */
public record DeleteMessageCommand(MessageId id, OptionalLong expectedVersion) {

  public DeleteMessageCommand {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(expectedVersion, "expectedVersion");
  }
}
