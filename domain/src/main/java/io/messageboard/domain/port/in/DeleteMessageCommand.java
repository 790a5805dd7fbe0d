package io.messageboard.domain.port.in;

import io.messageboard.domain.model.MessageId;
import java.util.Objects;
import java.util.OptionalLong;

/** Input of {@link DeleteMessageUseCase}; with an expected version the delete applies only to that version. */
public record DeleteMessageCommand(MessageId id, OptionalLong expectedVersion) {

  public DeleteMessageCommand {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(expectedVersion, "expectedVersion");
  }
}
