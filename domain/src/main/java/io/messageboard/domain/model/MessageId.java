package io.messageboard.domain.model;

import io.messageboard.domain.failure.InvalidInputException;

/** Identity of a message: a positive 32-bit integer (the seed's {@code clid}). */
public record MessageId(int value) implements Comparable<MessageId> {

  public static final long MIN = 1;
  public static final long MAX = Integer.MAX_VALUE;

  public MessageId {
    if (value < MIN) {
      throw new InvalidInputException("id", "must be between " + MIN + " and " + MAX);
    }
  }

  /** Accepts any integral value and refuses those outside 1 … 2,147,483,647. */
  public static MessageId of(long value) {
    if (value < MIN || value > MAX) {
      throw new InvalidInputException("id", "must be between " + MIN + " and " + MAX);
    }
    return new MessageId((int) value);
  }

  /**
   * Parses the decimal form used in paths and query strings; nothing else (no sign, spaces,
   * fractions).
   */
  public static MessageId parse(String text) {
    if (text == null
        || text.isEmpty()
        || text.length() > 10
        || !text.chars().allMatch(MessageId::isAsciiDigit)) {
      throw new InvalidInputException(
          "id", "must be a whole number between " + MIN + " and " + MAX);
    }
    return of(Long.parseLong(text));
  }

  private static boolean isAsciiDigit(int c) {
    return c >= '0' && c <= '9';
  }

  @Override
  public int compareTo(MessageId other) {
    return Integer.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
