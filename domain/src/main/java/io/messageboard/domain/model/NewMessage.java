package io.messageboard.domain.model;

import io.messageboard.domain.failure.InvalidInputException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A message about to be stored: the id is the client's choice (1 … 2,147,483,647) or, when empty,
 * the store's.
 */
public record NewMessage(
    Optional<MessageId> requestedId, MessageText text, ReplicaId replica, Instant createdAt) {

  public NewMessage {
    Objects.requireNonNull(requestedId, "requestedId");
    if (requestedId.isPresent() && !requestedId.get().isValidForNewMessage()) {
      throw new InvalidInputException(
          "id", "must be between " + MessageId.MIN + " and " + MessageId.MAX);
    }
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(replica, "replica");
    createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MILLIS);
  }

  /** The first version of the message, once the store has settled its id. */
  public Message storedAs(MessageId id) {
    return new Message(id, text.value(), replica.value(), createdAt, createdAt, 1);
  }
}
