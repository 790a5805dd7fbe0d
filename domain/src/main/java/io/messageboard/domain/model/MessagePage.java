package io.messageboard.domain.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of messages in id order; {@code nextAfter} is where the next page starts, empty on the
 * last page.
 */
public record MessagePage(List<Message> items, Optional<MessageId> nextAfter) {

  public MessagePage {
    items = List.copyOf(items);
    Objects.requireNonNull(nextAfter, "nextAfter");
  }

  /**
   * Builds the page from up to {@code limit + 1} rows read in id order: the extra row only proves a
   * next page exists.
   */
  public static MessagePage fromLookahead(List<Message> rows, int limit) {
    if (rows.size() <= limit) {
      return new MessagePage(rows, Optional.empty());
    }
    List<Message> items = rows.subList(0, limit);
    return new MessagePage(items, Optional.of(items.get(limit - 1).id()));
  }
}
