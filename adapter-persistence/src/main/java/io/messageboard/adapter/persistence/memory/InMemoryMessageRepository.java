package io.messageboard.adapter.persistence.memory;

import io.messageboard.domain.failure.DuplicateMessageIdException;
import io.messageboard.domain.failure.IdsExhaustedException;
import io.messageboard.domain.feed.MessageEventKind;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessagePage;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.model.PageRequest;
import io.messageboard.domain.port.out.MessageRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/**
 * Thread-safe message repository held in memory; for tests, demos and library users without a
 * database. Each change and its change-feed event happen under one lock (the log's), so the log's
 * order is the order of the changes.
 */
public final class InMemoryMessageRepository implements MessageRepository {

  private final ConcurrentNavigableMap<MessageId, Message> messages = new ConcurrentSkipListMap<>();
  private final InMemoryMessageEventLog events;

  /** The next id to try for a message posted without one, like the database's sequence. */
  private long nextAssigned;

  /** An empty repository that assigns ids from 1, with a change log of its own. */
  public InMemoryMessageRepository() {
    this(new InMemoryMessageEventLog(Clock.systemUTC()));
  }

  /** An empty repository that assigns ids from 1 and records its changes in {@code events}. */
  public InMemoryMessageRepository(InMemoryMessageEventLog events) {
    this(events, MessageId.MIN);
  }

  /** An empty repository whose first assigned id is {@code nextAssigned}. */
  InMemoryMessageRepository(InMemoryMessageEventLog events, long nextAssigned) {
    this.events = Objects.requireNonNull(events, "events");
    this.nextAssigned = nextAssigned;
  }

  @Override
  public Message add(NewMessage message) {
    synchronized (events) {
      if (message.requestedId().isPresent()) {
        return insert(message, message.requestedId().get());
      }
      // Like the database's sequence: a counter that ids chosen by clients never move, skipping the
      // ids they took.
      while (true) {
        if (nextAssigned > MessageId.MAX) {
          throw new IdsExhaustedException();
        }
        MessageId candidate = MessageId.forNewMessage(nextAssigned++);
        if (!messages.containsKey(candidate)) {
          return insert(message, candidate);
        }
      }
    }
  }

  private Message insert(NewMessage message, MessageId id) {
    Message stored = message.storedAs(id);
    if (messages.putIfAbsent(id, stored) != null) {
      throw new DuplicateMessageIdException(id.value());
    }
    events.record(MessageEventKind.CREATED, stored);
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
    synchronized (events) {
      Message stored = messages.get(edited.id());
      if (stored == null || stored.version() != edited.version() - 1) {
        return false;
      }
      messages.put(edited.id(), edited);
      events.record(MessageEventKind.EDITED, edited);
      return true;
    }
  }

  @Override
  public boolean delete(MessageId id, OptionalLong expectedVersion) {
    synchronized (events) {
      Message stored = messages.get(id);
      if (stored == null
          || (expectedVersion.isPresent() && stored.version() != expectedVersion.getAsLong())) {
        return false;
      }
      messages.remove(id);
      events.recordDeletion(id, stored.version());
      return true;
    }
  }
}
