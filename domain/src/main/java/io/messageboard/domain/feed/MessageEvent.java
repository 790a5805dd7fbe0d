package io.messageboard.domain.feed;

import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of the board as the change feed tells it: its position in the feed (every reader sees
 * the same positions, gapless and increasing), what happened, and the message as the change left it
 * (none for a deletion, which names the message and the version it deleted).
 *
 * @param position the change's place in the feed, from 1
 * @param recordedAt when the database recorded the change (its own clock), for the commit-to-send
 *     lag
 */
public record MessageEvent(
    long position,
    MessageEventKind kind,
    MessageId messageId,
    long version,
    Optional<Message> message,
    Instant recordedAt) {

  public MessageEvent {
    if (position < 1) {
      throw new IllegalArgumentException("position must be at least 1, was " + position);
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(recordedAt, "recordedAt");
    if (message.isPresent() == (kind == MessageEventKind.DELETED)) {
      throw new IllegalArgumentException(
          kind + " events " + (message.isPresent() ? "carry no" : "carry a") + " message");
    }
  }

  /** The event of a message created or edited: the message as it is now. */
  public static MessageEvent of(
      long position, MessageEventKind kind, Message message, Instant recordedAt) {
    return new MessageEvent(
        position, kind, message.id(), message.version(), Optional.of(message), recordedAt);
  }

  /** The event of a deletion: the message's id and the version deleted. */
  public static MessageEvent deleted(
      long position, MessageId id, long version, Instant recordedAt) {
    return new MessageEvent(
        position, MessageEventKind.DELETED, id, version, Optional.empty(), recordedAt);
  }
}
