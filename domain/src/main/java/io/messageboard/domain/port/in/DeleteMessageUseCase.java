package io.messageboard.domain.port.in;

import io.messageboard.domain.command.DeleteMessageCommand;

/** Driving port: deletes a message. */
public interface DeleteMessageUseCase {

  void delete(DeleteMessageCommand command);
}
