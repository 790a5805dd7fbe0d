package io.messageboard.domain.command;

import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessageText;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Input of {@code EditMessageUseCase}; with an expected version the edit applies only to that
 * version.
 */
public record EditMessageCommand(MessageId id, MessageText text, OptionalLong expectedVersion) {

  public EditMessageCommand {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(expectedVersion, "expectedVersion");
  }
}
