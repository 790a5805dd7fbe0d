package io.messageboard.domain.port.in;

import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;

/**
 * Driving port: reads one message. Fails with {@code MessageNotFoundException} when there is none.
 */
public interface GetMessageUseCase {

  Message get(MessageId id);
}
