package io.messageboard.adapter.http.problem;

import io.messageboard.adapter.http.request.FieldError;
import io.messageboard.domain.failure.FailureKind;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A refused request, described independently of the body shape it is rendered in; {@code kind} is
 * null for failures that are not the client's (an internal error, a routing status).
 */
public record Failure(
    int status,
    String slug,
    String title,
    String detail,
    List<FieldError> errors,
    @Nullable FailureKind kind,
    Optional<Integer> retryAfterSeconds) {

  public Failure {
    errors = List.copyOf(errors);
  }
}
