package io.messageboard.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.messageboard.client.wire.MalformedResponseException;
import io.messageboard.client.wire.MessageJson;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessagePage;
import io.messageboard.domain.model.PageRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Pages of the list API: the request's path and query, and the page a response body holds. */
final class MessagePages {

  static final String PATH = "api/v1/messages";

  private MessagePages() {}

  static String pathOf(PageRequest request) {
    return PATH
        + "?limit="
        + request.limit()
        + request.after().map(after -> "&after=" + after.value()).orElse("");
  }

  /** The page in {@code body}, with the link to the next one as the service gave it. */
  static Linked read(byte[] body) {
    JsonNode page = MessageJson.tree(body);
    JsonNode items = page.path("items");
    if (!items.isArray()) {
      throw new MalformedResponseException("the service sent a page without items", null);
    }
    List<Message> messages = new ArrayList<>(items.size());
    items.forEach(item -> messages.add(MessageJson.message(item)));
    JsonNode next = page.path("next");
    Optional<String> link = next.isTextual() ? Optional.of(next.asText()) : Optional.empty();
    Optional<MessageId> nextAfter = link.map(url -> afterIn(url).orElseGet(() -> lastOf(messages)));
    return new Linked(new MessagePage(messages, nextAfter), link);
  }

  private static Optional<MessageId> afterIn(String url) {
    String query = URI.create(url).getRawQuery();
    if (query == null) {
      return Optional.empty();
    }
    for (String parameter : query.split("&", -1)) {
      if (parameter.startsWith("after=")) {
        return Optional.of(MessageId.parse(parameter.substring("after=".length())));
      }
    }
    return Optional.empty();
  }

  private static MessageId lastOf(List<Message> messages) {
    if (messages.isEmpty()) {
      throw new MalformedResponseException("the service sent an empty page with a next link", null);
    }
    return messages.get(messages.size() - 1).id();
  }

  /** A page and the service's link to the next one (absent on the last page). */
  record Linked(MessagePage page, Optional<String> next) {}
}
