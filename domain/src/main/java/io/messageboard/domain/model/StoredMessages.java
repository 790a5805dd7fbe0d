package io.messageboard.domain.model;

import java.time.Instant;

/**
 * Factory that rebuilds a {@link Message} from what a store kept; for repository adapters only.
 * Input rules are not applied: a stored text or replica that today's rules would refuse (an empty
 * text, a control character, a {@code sid} with a space, written by the original system) is
 * history, restored exactly as stored.
 */
public final class StoredMessages {

  private StoredMessages() {}

  public static Message restore(
      MessageId id,
      String text,
      String replica,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    return new Message(id, text, replica, createdAt, updatedAt, version);
  }
}
