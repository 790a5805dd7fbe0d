package io.messageboard.domain.port.in;

/** Driving port: deletes a message. */
public interface DeleteMessageUseCase {

  void delete(DeleteMessageCommand command);
}
