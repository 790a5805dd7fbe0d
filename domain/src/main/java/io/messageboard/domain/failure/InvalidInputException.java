package io.messageboard.domain.failure;

import java.util.Objects;

/** An input broke a domain rule; names the field and the rule it broke. */
public final class InvalidInputException extends DomainException {

  private final String field;
  private final String reason;

  public InvalidInputException(String field, String reason) {
    super(field + ": " + reason);
    this.field = Objects.requireNonNull(field, "field");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }

  @Override
  public FailureKind kind() {
    return FailureKind.INVALID;
  }
}
