package io.messageboard.domain.model;

import io.messageboard.domain.failure.InvalidInputException;

/**
 * Identity of a message: a 32-bit integer (the original system's {@code clid}). New messages get
 * ids from 1 to 2,147,483,647; rows adopted from the original system may hold 0 or a negative id,
 * and stay addressable under it.
 */
public record MessageId(int value) implements Comparable<MessageId> {

  /** Lowest id a new message may get. */
  public static final long MIN = 1;

  /** Highest id any message may have. */
  public static final long MAX = Integer.MAX_VALUE;

  /** Lowest id a stored message may have (adopted rows only). */
  public static final long LOWEST_STORED = Integer.MIN_VALUE;

  /** An id for a new message; refuses values outside 1 … 2,147,483,647. */
  public static MessageId forNewMessage(long value) {
    if (value < MIN || value > MAX) {
      throw new InvalidInputException("id", "must be between " + MIN + " and " + MAX);
    }
    return new MessageId((int) value);
  }

  /** Whether a new message may take this id (adopted rows may hold ids that it may not). */
  public boolean isValidForNewMessage() {
    return value >= MIN;
  }

  /**
   * Parses the decimal form used in paths and query strings: an optional minus sign and digits
   * within the range of stored ids; nothing else (no plus sign, spaces, fractions).
   */
  public static MessageId parse(String text) {
    String digits = text != null && text.startsWith("-") ? text.substring(1) : text;
    if (digits == null
        || digits.isEmpty()
        || digits.length() > 10
        || !digits.chars().allMatch(MessageId::isAsciiDigit)) {
      throw outOfStoredRange();
    }
    long value = Long.parseLong(text);
    if (value < LOWEST_STORED || value > MAX) {
      throw outOfStoredRange();
    }
    return new MessageId((int) value);
  }

  private static InvalidInputException outOfStoredRange() {
    return new InvalidInputException(
        "id", "must be a whole number between " + LOWEST_STORED + " and " + MAX);
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
