package io.messageboard.adapter.http;

import io.messageboard.domain.failure.DuplicateMessageIdException;
import io.messageboard.domain.failure.MessageNotFoundException;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessagePage;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.model.PageRequest;
import io.messageboard.domain.model.ReplicaId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Use cases over a sorted map (ids, versions, paging, conditional edits and deletes), for HTTP
 * tests that need a store that works; remembers the page requests it was asked for.
 */
final class MapBackedUseCases {

  static final Instant POSTED_AT = Instant.parse("2026-02-03T04:05:06.789Z");
  static final Instant EDITED_AT = Instant.parse("2026-02-03T04:05:07.5Z");

  final List<PageRequest> pageRequests = new ArrayList<>();
  private final TreeMap<MessageId, Message> messages = new TreeMap<>();

  UseCaseStubs stubs(ReplicaId replica) {
    UseCaseStubs stubs = new UseCaseStubs();
    stubs.post =
        command -> {
          MessageId id =
              command
                  .id()
                  .orElseGet(
                      () -> new MessageId(messages.isEmpty() ? 1 : messages.lastKey().value() + 1));
          if (messages.containsKey(id)) {
            throw new DuplicateMessageIdException(id.value());
          }
          Message stored =
              new NewMessage(command.id(), command.text(), replica, POSTED_AT).storedAs(id);
          messages.put(id, stored);
          return stored;
        };
    stubs.get = this::find;
    stubs.list =
        request -> {
          pageRequests.add(request);
          NavigableMap<MessageId, Message> tail =
              request.after().map(after -> messages.tailMap(after, false)).orElse(messages);
          List<Message> rows = tail.values().stream().limit(request.limit() + 1L).toList();
          return MessagePage.fromLookahead(rows, request.limit());
        };
    stubs.export = sink -> messages.values().forEach(sink);
    stubs.edit =
        command -> {
          Message current = find(command.id());
          current.requireVersion(command.expectedVersion());
          Message edited = current.edit(command.text(), EDITED_AT);
          messages.put(edited.id(), edited);
          return edited;
        };
    stubs.delete =
        command -> {
          find(command.id()).requireVersion(command.expectedVersion());
          messages.remove(command.id());
        };
    return stubs;
  }

  private Message find(MessageId id) {
    Message message = messages.get(id);
    if (message == null) {
      throw new MessageNotFoundException(id.value());
    }
    return message;
  }
}
