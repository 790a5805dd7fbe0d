package io.messageboard.domain.model;

import io.messageboard.domain.failure.InvalidInputException;
import java.util.Objects;
import java.util.Optional;

/** Keyset page request: up to {@code limit} messages whose id is greater than {@code after}. */
public record PageRequest(Optional<MessageId> after, int limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  /** Why a limit is refused. */
  public static final String LIMIT_RULE = "must be a whole number between 1 and " + MAX_LIMIT;

  public PageRequest {
    Objects.requireNonNull(after, "after");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit", LIMIT_RULE);
    }
  }

  public static PageRequest first(int limit) {
    return new PageRequest(Optional.empty(), limit);
  }
}
