package io.messageboard.domain.port.in;

import io.messageboard.domain.model.MessagePage;
import io.messageboard.domain.model.PageRequest;

/** Driving port: lists messages a page at a time, in id order. */
public interface ListMessagesUseCase {

  MessagePage list(PageRequest request);
}
