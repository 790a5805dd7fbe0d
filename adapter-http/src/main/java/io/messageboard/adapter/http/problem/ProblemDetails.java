package io.messageboard.adapter.http.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.messageboard.adapter.http.request.FieldError;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** RFC 9457 problem details, with the request id and, for validation failures, the field errors. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetails(
    String type,
    String title,
    int status,
    String detail,
    @Nullable String instance,
    String requestId,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  static final String TYPE_PREFIX = "urn:messageboard:problem:";

  public static ProblemDetails of(Failure failure, @Nullable String instance, String requestId) {
    return new ProblemDetails(
        TYPE_PREFIX + failure.slug(),
        failure.title(),
        failure.status(),
        failure.detail(),
        instance,
        requestId,
        failure.errors());
  }
}
