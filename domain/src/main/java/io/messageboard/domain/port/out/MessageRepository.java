package io.messageboard.domain.port.out;

import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessagePage;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.model.PageRequest;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Driven port: stores messages.
 *
 * <p>Implementations raise only domain failures: {@code DuplicateMessageIdException} and {@code
 * IdsExhaustedException} from {@link #add}, and {@code StorageUnavailableException} when the store
 * cannot be reached.
 */
public interface MessageRepository {

  /** Stores a new message under its requested id, or under a fresh one when none was requested. */
  Message add(NewMessage message);

  Optional<Message> findById(MessageId id);

  /** Messages with ids after {@code request.after()}, in ascending id order. */
  MessagePage findPage(PageRequest request);

  /**
   * Hands every message to {@code sink} in ascending id order without holding them all in memory.
   */
  void forEachMessage(Consumer<Message> sink);

  /**
   * Replaces the stored message with {@code edited} only if the stored version is {@code
   * edited.version() - 1}.
   *
   * @return false when the message is gone or another edit got there first
   */
  boolean update(Message edited);

  /**
   * Deletes the message; with an expected version, only if the stored one still has it.
   *
   * @return false when nothing was deleted
   */
  boolean delete(MessageId id, OptionalLong expectedVersion);
}
