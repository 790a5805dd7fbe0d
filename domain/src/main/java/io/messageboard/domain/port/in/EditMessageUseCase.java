package io.messageboard.domain.port.in;

import io.messageboard.domain.command.EditMessageCommand;
import io.messageboard.domain.model.Message;

/** Driving port: replaces the text of a message, yielding its next version. */
public interface EditMessageUseCase {

  Message edit(EditMessageCommand command);
}
