package io.messageboard.adapter.http.request;

import io.messageboard.adapter.http.request.RequestRejectedException.Reason;
import io.messageboard.domain.failure.InvalidInputException;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessageText;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds domain values from well-shaped input, collecting every rule they break (answered with
 * 422).
 */
public final class DomainValues {

  private final List<FieldError> errors = new ArrayList<>();

  public Optional<MessageText> text(String field, Optional<String> raw) {
    return raw.flatMap(value -> attempt(field, () -> new MessageText(value)));
  }

  public Optional<MessageId> id(String field, Optional<BigInteger> raw) {
    // Past the range of a long, any value is out of the range of new ids too; MessageId says so.
    return raw.flatMap(
        value ->
            attempt(
                field,
                () ->
                    MessageId.forNewMessage(
                        value.bitLength() < Long.SIZE ? value.longValue() : 0)));
  }

  private <T> Optional<T> attempt(String field, Supplier<T> factory) {
    try {
      return Optional.of(factory.get());
    } catch (InvalidInputException e) {
      errors.add(new FieldError(field, e.reason()));
      return Optional.empty();
    }
  }

  /** Refuses the request as unprocessable if any value broke a rule. */
  public void requireValid() {
    if (!errors.isEmpty()) {
      throw new RequestRejectedException(
          Reason.UNPROCESSABLE, "The body breaks the message rules", errors);
    }
  }
}
