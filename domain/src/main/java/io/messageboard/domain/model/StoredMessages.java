package io.messageboard.domain.model;

import java.time.Instant;

/** Factory that rebuilds a {@link Message} from what a store kept; for repository adapters only. */
public final class StoredMessages {

  private StoredMessages() {}

  public static Message restore(
      MessageId id,
      MessageText text,
      ReplicaId replica,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    return new Message(id, text, replica, createdAt, updatedAt, version);
  }
}
