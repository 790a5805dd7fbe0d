package io.messageboard.adapter.http.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.messageboard.adapter.http.request.RequestRejectedException.Reason;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Typed reads of the fields of a JSON object body, collecting every type error before refusing. */
public final class BodyFields {

  private final ObjectNode body;
  private final List<FieldError> errors = new ArrayList<>();

  public BodyFields(ObjectNode body) {
    this.body = body;
  }

  /** A JSON string; absent or {@code null} counts as missing. */
  public Optional<String> requiredText(String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      errors.add(new FieldError(field, "is required"));
      return Optional.empty();
    }
    if (!node.isTextual()) {
      errors.add(new FieldError(field, "must be a string, not " + JsonBody.describe(node)));
      return Optional.empty();
    }
    return Optional.of(node.textValue());
  }

  /** A JSON integer (no fraction, no quotes); empty when absent. */
  public Optional<BigInteger> optionalInteger(String field) {
    JsonNode node = body.get(field);
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isIntegralNumber()) {
      errors.add(new FieldError(field, "must be a whole number, not " + JsonBody.describe(node)));
      return Optional.empty();
    }
    return Optional.of(node.bigIntegerValue());
  }

  /** Like {@link #optionalInteger} but must be present. */
  public Optional<BigInteger> requiredInteger(String field) {
    if (!body.has(field)) {
      errors.add(new FieldError(field, "is required"));
      return Optional.empty();
    }
    return optionalInteger(field);
  }

  /** Refuses the request as malformed if any read failed. */
  public void requireValid() {
    if (!errors.isEmpty()) {
      throw new RequestRejectedException(
          Reason.MALFORMED, "The body does not have the expected shape", errors);
    }
  }
}
