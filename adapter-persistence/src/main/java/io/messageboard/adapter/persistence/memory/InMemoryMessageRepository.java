package io.messageboard.adapter.persistence.memory;

import io.messageboard.domain.failure.DuplicateMessageIdException;
import io.messageboard.domain.failure.IdsExhaustedException;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessagePage;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.model.PageRequest;
import io.messageboard.domain.port.out.MessageRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Thread-safe message repository held in memory; for tests, demos and library users without a
 * database.
 */
public final class InMemoryMessageRepository implements MessageRepository {

  private final ConcurrentNavigableMap<MessageId, Message> messages = new ConcurrentSkipListMap<>();
  private final Object idAssignment = new Object();

  /** The next id to try for a message posted without one, like the database's sequence. */
  private long nextAssigned;

  /** An empty repository that assigns ids from 1. */
  public InMemoryMessageRepository() {
    this(MessageId.MIN);
  }

  /** An empty repository whose first assigned id is {@code nextAssigned}. */
  InMemoryMessageRepository(long nextAssigned) {
    this.nextAssigned = nextAssigned;
  }

  @Override
  public Message add(NewMessage message) {
    if (message.requestedId().isPresent()) {
      return insert(message, message.requestedId().get());
    }
    // Like the database's sequence: a counter that ids chosen by clients never move, skipping the
    // ids they took.
    synchronized (idAssignment) {
      while (true) {
        if (nextAssigned > MessageId.MAX) {
          throw new IdsExhaustedException();
        }
        Message stored = message.storedAs(MessageId.forNewMessage(nextAssigned++));
        if (messages.putIfAbsent(stored.id(), stored) == null) {
          return stored;
        }
      }
    }
  }

  private Message insert(NewMessage message, MessageId id) {
    Message stored = message.storedAs(id);
    if (messages.putIfAbsent(id, stored) != null) {
      throw new DuplicateMessageIdException(id.value());
    }
    return stored;
  }

  @Override
  public Optional<Message> findById(MessageId id) {
    return Optional.ofNullable(messages.get(id));
  }

  @Override
  public MessagePage findPage(PageRequest request) {
    Map<MessageId, Message> tail =
        request
            .after()
            .<Map<MessageId, Message>>map(after -> messages.tailMap(after, false))
            .orElse(messages);
    List<Message> rows = new ArrayList<>(request.limit() + 1);
    for (Message message : tail.values()) {
      rows.add(message);
      if (rows.size() > request.limit()) {
        break;
      }
    }
    return MessagePage.fromLookahead(rows, request.limit());
  }

  @Override
  public void forEachMessage(Consumer<Message> sink) {
    messages.values().forEach(sink);
  }

  @Override
  public boolean update(Message edited) {
    // The map may call the function more than once; the last call is the one that took effect.
    AtomicBoolean replaced = new AtomicBoolean();
    messages.computeIfPresent(
        edited.id(),
        (id, stored) -> {
          replaced.set(stored.version() == edited.version() - 1);
          return replaced.get() ? edited : stored;
        });
    return replaced.get();
  }

  @Override
  public boolean delete(MessageId id, OptionalLong expectedVersion) {
    if (expectedVersion.isEmpty()) {
      return messages.remove(id) != null;
    }
    Message stored = messages.get(id);
    return stored != null
        && stored.version() == expectedVersion.getAsLong()
        && messages.remove(id, stored);
  }
}
