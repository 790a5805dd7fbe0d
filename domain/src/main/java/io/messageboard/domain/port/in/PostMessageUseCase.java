package io.messageboard.domain.port.in;

import io.messageboard.domain.command.PostMessageCommand;
import io.messageboard.domain.model.Message;

/**
 * Driving port: posts a new message. Fails with {@code DuplicateMessageIdException} when the id is
 * taken.
 */
public interface PostMessageUseCase {

  Message post(PostMessageCommand command);
}
