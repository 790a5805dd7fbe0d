package io.messageboard.application;

import io.messageboard.domain.failure.DuplicateMessageIdException;
import io.messageboard.domain.failure.IdsExhaustedException;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessagePage;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.model.PageRequest;
import io.messageboard.domain.port.out.MessageRepository;
import java.util.ArrayList;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Single-threaded fake repository that can be told to lose update races, as a concurrent edit would
 * make it.
 */
final class FakeMessageRepository implements MessageRepository {

  private final TreeMap<MessageId, Message> messages = new TreeMap<>();
  private int updatesToLose;

  void loseNextUpdates(int count) {
    updatesToLose = count;
  }

  @Override
  public Message add(NewMessage message) {
    MessageId id = message.requestedId().orElseGet(this::nextFreeId);
    if (messages.containsKey(id)) {
      throw new DuplicateMessageIdException(id.value());
    }
    Message stored = message.storedAs(id);
    messages.put(id, stored);
    return stored;
  }

  private MessageId nextFreeId() {
    if (messages.isEmpty()) {
      return new MessageId(1);
    }
    if (messages.lastKey().value() == Integer.MAX_VALUE) {
      throw new IdsExhaustedException();
    }
    return new MessageId(messages.lastKey().value() + 1);
  }

  @Override
  public Optional<Message> findById(MessageId id) {
    return Optional.ofNullable(messages.get(id));
  }

  @Override
  public MessagePage findPage(PageRequest request) {
    var tail = request.after().map(after -> messages.tailMap(after, false)).orElse(messages);
    return MessagePage.fromLookahead(
        new ArrayList<>(tail.values()).subList(0, Math.min(tail.size(), request.limit() + 1)),
        request.limit());
  }

  @Override
  public void forEachMessage(Consumer<Message> sink) {
    messages.values().forEach(sink);
  }

  @Override
  public boolean update(Message edited) {
    if (updatesToLose > 0) {
      updatesToLose--;
      return false;
    }
    Message stored = messages.get(edited.id());
    if (stored == null || stored.version() != edited.version() - 1) {
      return false;
    }
    messages.put(edited.id(), edited);
    return true;
  }

  @Override
  public boolean delete(MessageId id, OptionalLong expectedVersion) {
    Message stored = messages.get(id);
    if (stored == null
        || (expectedVersion.isPresent() && stored.version() != expectedVersion.getAsLong())) {
      return false;
    }
    messages.remove(id);
    return true;
  }
}
