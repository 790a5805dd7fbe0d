package io.messageboard.adapter.http.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.request.FieldError;
import io.messageboard.domain.failure.FailureKind;
import io.messageboard.domain.failure.InvalidInputException;
import io.messageboard.domain.failure.VersionMismatchException;
import org.junit.jupiter.api.Test;

/** Domain failures whose problem takes more from the exception than its message. */
class DomainFailureMappingTest {

  @Test
  void aVersionMismatchTellsTheClientToReadTheMessageAgain() {
    Failure failure = FailureMapping.describe(new VersionMismatchException(3, 2));

    assertThat(failure.status()).isEqualTo(412);
    assertThat(failure.detail())
        .isEqualTo(
            "Message 3 is not at the version If-Match names; read it again and retry with its"
                + " current ETag");
  }

  @Test
  void anInvalidInputNamesTheFieldAndTheRuleItBroke() {
    Failure failure =
        FailureMapping.describe(new InvalidInputException("text", "must not be blank"));

    assertThat(failure.status()).isEqualTo(400);
    assertThat(failure.kind()).isEqualTo(FailureKind.INVALID);
    assertThat(failure.errors()).containsExactly(new FieldError("text", "must not be blank"));
  }
}
