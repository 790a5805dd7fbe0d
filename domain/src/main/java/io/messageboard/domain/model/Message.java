package io.messageboard.domain.model;

import io.messageboard.domain.failure.VersionMismatchException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A stored message. Immutable: editing yields the next version. Text and replica are kept as
 * stored: new input obeys {@link MessageText} and {@link ReplicaId}, but rows adopted from the
 * original system may break those rules and are still served as they are.
 */
public final class Message {

  private final MessageId id;
  private final String text;
  private final String replica;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final long version;

  Message(
      MessageId id,
      String text,
      String replica,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    this.id = Objects.requireNonNull(id, "id");
    this.text = Objects.requireNonNull(text, "text");
    this.replica = Objects.requireNonNull(replica, "replica");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MILLIS);
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt").truncatedTo(ChronoUnit.MILLIS);
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1, was " + version);
    }
    this.version = version;
  }

  public MessageId id() {
    return id;
  }

  /** The text as stored. */
  public String text() {
    return text;
  }

  /** The replica that created the message, as stored (the original system's {@code sid}). */
  public String replica() {
    return replica;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }

  /** Refuses to go on when the caller saw another version than this one. */
  public void requireVersion(OptionalLong expectedVersion) {
    if (expectedVersion.isPresent() && expectedVersion.getAsLong() != version) {
      throw new VersionMismatchException(id.value(), expectedVersion.getAsLong());
    }
  }

  /**
   * The next version of this message, with a new text that obeys today's rules; creator and
   * creation time stay.
   */
  public Message edit(MessageText newText, Instant now) {
    return new Message(id, newText.value(), replica, createdAt, now, version + 1);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Message that
        && id.equals(that.id)
        && text.equals(that.text)
        && replica.equals(that.replica)
        && createdAt.equals(that.createdAt)
        && updatedAt.equals(that.updatedAt)
        && version == that.version;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, text, replica, createdAt, updatedAt, version);
  }

  @Override
  public String toString() {
    return "Message[id=%s, replica=%s, version=%d, length=%d]"
        .formatted(id, replica, version, text.length());
  }
}
