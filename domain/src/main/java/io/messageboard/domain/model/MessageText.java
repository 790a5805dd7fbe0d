package io.messageboard.domain.model;

import io.messageboard.domain.failure.InvalidInputException;
import java.util.Objects;

/**
 * Body of a message: 1 … 10,000 Unicode code points, not blank, well-formed, no control characters
 * but TAB, LF, CR.
 */
public record MessageText(String value) {

  public static final int MAX_CODE_POINTS = 10_000;

  public MessageText {
    if (value == null) {
      throw new InvalidInputException("text", "is required");
    }
    if (value.isEmpty()) {
      throw new InvalidInputException("text", "must not be empty");
    }
    int codePoints = 0;
    for (int i = 0; i < value.length(); ) {
      int codePoint = value.codePointAt(i);
      if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
        throw new InvalidInputException("text", "contains an unpaired surrogate at index " + i);
      }
      if (isForbiddenControl(codePoint)) {
        throw new InvalidInputException(
            "text", "contains control character U+%04X at index %d".formatted(codePoint, i));
      }
      codePoints++;
      if (codePoints > MAX_CODE_POINTS) {
        throw new InvalidInputException(
            "text", "must be at most " + MAX_CODE_POINTS + " code points");
      }
      i += Character.charCount(codePoint);
    }
    if (value.isBlank()) {
      throw new InvalidInputException("text", "must not be blank");
    }
  }

  private static boolean isForbiddenControl(int codePoint) {
    return codePoint < 0x20 && codePoint != '\t' && codePoint != '\n' && codePoint != '\r';
  }

  /** Number of Unicode code points (not UTF-16 units). */
  public int codePointLength() {
    return value.codePointCount(0, value.length());
  }

  @Override
  public String toString() {
    return Objects.toString(value);
  }
}
