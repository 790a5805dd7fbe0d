package io.messageboard.domain.model;

import io.messageboard.domain.failure.InvalidInputException;
import java.util.regex.Pattern;

/**
 * Name of this replica, stored with each message it creates (the original system's {@code sid}): 1
 * … 64 of {@code [A-Za-z0-9._-]}.
 */
public record ReplicaId(String value) {

  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public ReplicaId {
    if (value == null || !ALLOWED.matcher(value).matches()) {
      throw new InvalidInputException(
          "replica", "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
