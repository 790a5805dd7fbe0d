package io.messageboard.domain.port.in;

import io.messageboard.domain.model.Message;
import java.util.function.Consumer;

/**
 * Driving port: hands every message, in id order, to a sink, with memory use independent of their
 * number.
 */
public interface ExportMessagesUseCase {

  void exportAll(Consumer<Message> sink);
}
