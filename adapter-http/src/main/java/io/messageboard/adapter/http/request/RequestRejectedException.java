package io.messageboard.adapter.http.request;

import java.util.List;
import java.util.Objects;

/**
 * The HTTP request is unusable (malformed JSON, wrong types, unknown fields, bad header, too large,
 * wrong media type, values that break domain rules); raised before any use case runs.
 */
public final class RequestRejectedException extends RuntimeException {

  /** Why the request was refused; the failure mapping turns each into a status code. */
  public enum Reason {
    MALFORMED,
    UNPROCESSABLE,
    TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    NOT_ACCEPTABLE
  }

  private final Reason reason;
  private final List<FieldError> errors;

  public RequestRejectedException(Reason reason, String detail, List<FieldError> errors) {
    super(detail);
    this.reason = reason;
    this.errors = List.copyOf(errors);
  }

  public static RequestRejectedException malformed(String field, String reason) {
    return new RequestRejectedException(
        Reason.MALFORMED, field + ": " + reason, List.of(new FieldError(field, reason)));
  }

  /** The detail a client reads; every rejection is built with one. */
  @Override
  public String getMessage() {
    return Objects.requireNonNull(super.getMessage());
  }

  public Reason reason() {
    return reason;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
