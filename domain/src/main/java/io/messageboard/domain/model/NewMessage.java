package io.messageboard.domain.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/** A message about to be stored: the id is the client's choice or, when empty, the store's. */
public record NewMessage(
    Optional<MessageId> requestedId, MessageText text, ReplicaId replica, Instant createdAt) {

  public NewMessage {
    Objects.requireNonNull(requestedId, "requestedId");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(replica, "replica");
    createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MILLIS);
  }

  /** The first version of the message, once the store has settled its id. */
  public Message storedAs(MessageId id) {
    return new Message(id, text, replica, createdAt, createdAt, 1);
  }
}
