package io.messageboard.adapter.http.problem;

import io.messageboard.adapter.http.request.FieldError;
import io.messageboard.domain.failure.FailureKind;
import java.util.List;
import java.util.Optional;

/** A refused request, described independently of the body shape it is rendered in. */
public record Failure(
    int status,
    String slug,
    String title,
    String detail,
    List<FieldError> errors,
    FailureKind kind,
    Optional<Integer> retryAfterSeconds) {

  public Failure {
    errors = List.copyOf(errors);
  }
}
