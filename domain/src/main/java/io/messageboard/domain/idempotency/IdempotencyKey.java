package io.messageboard.domain.idempotency;

import io.messageboard.domain.failure.InvalidInputException;

/**
 * A client's name for one logical request, so that retries of it take effect once: 1 … 255
 * printable ASCII characters (space to tilde).
 */
public record IdempotencyKey(String value) {

  public static final int MAX_LENGTH = 255;

  static final String FIELD = "idempotencyKey";

  public IdempotencyKey {
    if (value == null || value.isEmpty()) {
      throw new InvalidInputException(FIELD, "must not be empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidInputException(FIELD, "must be at most " + MAX_LENGTH + " characters");
    }
    if (!value.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
      throw new InvalidInputException(FIELD, "must be printable ASCII (space to '~')");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
