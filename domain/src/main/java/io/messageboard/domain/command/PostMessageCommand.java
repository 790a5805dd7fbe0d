package io.messageboard.domain.command;

import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessageText;
import java.util.Objects;
import java.util.Optional;

/** Input of {@code PostMessageUseCase}: the text and, optionally, the id the client chose. */
public record PostMessageCommand(Optional<MessageId> id, MessageText text) {

  public PostMessageCommand {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
  }
}
