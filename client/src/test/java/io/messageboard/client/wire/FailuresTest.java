package io.messageboard.client.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.domain.failure.DuplicateMessageIdException;
import io.messageboard.domain.failure.InvalidInputException;
import io.messageboard.domain.failure.MessageNotFoundException;
import io.messageboard.domain.failure.OutcomeUnknownException;
import io.messageboard.domain.failure.StorageUnavailableException;
import io.messageboard.domain.failure.VersionMismatchException;
import io.messageboard.domain.model.MessageId;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each problem the service sends comes back as the exception the in-process board throws. */
class FailuresTest {

  private static Problem problem(int status, String kind) {
    String json =
        "{\"type\":\"urn:messageboard:problem:%s\",\"title\":\"t\",\"status\":%d,\"detail\":\"the detail\",\"instance\":\"/x\",\"requestId\":\"req-9\",\"errors\":[{\"field\":\"text\",\"reason\":\"must not be blank\"}]}"
            .formatted(kind, status);
    return Problem.of(status, json.getBytes(StandardCharsets.UTF_8));
  }

  private static RuntimeException failureOf(int status, String kind, boolean mayHaveApplied) {
    return Failures.of(
        problem(status, kind), Optional.of(new MessageId(42)), OptionalLong.of(3), mayHaveApplied);
  }

  @ParameterizedTest
  @CsvSource({
    "404, message-not-found, io.messageboard.domain.failure.MessageNotFoundException",
    "409, duplicate-id, io.messageboard.domain.failure.DuplicateMessageIdException",
    "412, version-mismatch, io.messageboard.domain.failure.VersionMismatchException",
    "409, edit-contention, io.messageboard.domain.failure.EditContentionException",
    "409, idempotency-key-in-use, io.messageboard.domain.failure.IdempotencyKeyInUseException",
    "422, idempotency-key-reused, io.messageboard.domain.failure.IdempotencyKeyReusedException",
    "409, ids-exhausted, io.messageboard.domain.failure.IdsExhaustedException",
    "400, invalid-input, io.messageboard.domain.failure.InvalidInputException",
    "503, feed-busy, io.messageboard.domain.failure.FeedBusyException",
    "503, storage-unavailable, io.messageboard.domain.failure.StorageUnavailableException",
    "503, replica-unavailable, io.messageboard.domain.failure.StorageUnavailableException",
    "503, storage-conflict, io.messageboard.domain.failure.StorageConflictException",
    "503, outcome-unknown, io.messageboard.domain.failure.OutcomeUnknownException",
    "502, bad-gateway, io.messageboard.domain.failure.StorageUnavailableException",
    "401, unauthorized, io.messageboard.client.wire.ServiceException",
    "415, unsupported-media-type, io.messageboard.client.wire.ServiceException"
  })
  void eachProblemBecomesItsException(int status, String kind, Class<?> expected) {
    RuntimeException failure = failureOf(status, kind, false);

    assertThat(failure).isExactlyInstanceOf(expected);
  }

  @Test
  void theProblemIsKeptAsTheCause() {
    RuntimeException failure = failureOf(404, "message-not-found", false);

    assertThat(failure).isInstanceOf(MessageNotFoundException.class).hasMessageContaining("42");
    assertThat(failure.getCause())
        .isInstanceOfSatisfying(
            ServiceException.class,
            cause -> {
              assertThat(cause.problem().detail()).isEqualTo("the detail");
              assertThat(cause.problem().requestId()).contains("req-9");
            });
  }

  @Test
  void aVersionMismatchNamesTheMessageAndTheVersionExpected() {
    RuntimeException failure = failureOf(412, "version-mismatch", false);

    assertThat(failure)
        .isInstanceOfSatisfying(
            VersionMismatchException.class, mismatch -> assertThat(mismatch.id()).isEqualTo(42));
  }

  @Test
  void anInvalidInputNamesTheFieldAndReason() {
    RuntimeException failure = failureOf(400, "invalid-input", false);

    assertThat(failure)
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            invalid -> {
              assertThat(invalid.field()).isEqualTo("text");
              assertThat(invalid.reason()).isEqualTo("must not be blank");
            });
  }

  @Test
  void aRefusalAfterAnAttemptThatMayHaveAppliedHasAnUnknownOutcome() {
    assertThat(failureOf(503, "storage-unavailable", true))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(failureOf(409, "idempotency-key-in-use", true))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(failureOf(409, "duplicate-id", true))
        .isInstanceOf(DuplicateMessageIdException.class);
  }

  @Test
  void aBodyThatIsNoProblemKeepsOnlyItsStatus() {
    Problem html = Problem.of(502, "<html>Bad Gateway</html>".getBytes(StandardCharsets.UTF_8));
    Problem foreign =
        Problem.of(400, "{\"type\":\"about:blank\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(html.kind()).isEqualTo("http-502");
    assertThat(foreign.kind()).isEqualTo("http-400");
    assertThat(Failures.of(html, Optional.empty(), OptionalLong.empty(), false))
        .isInstanceOf(StorageUnavailableException.class);
  }

  @Test
  void onlyRefusalsThatMayPassAreTransient() {
    assertThat(Failures.transientRefusal(problem(429, "too-many-requests"))).isTrue();
    assertThat(Failures.transientRefusal(problem(504, "gateway-timeout"))).isTrue();
    assertThat(Failures.transientRefusal(problem(409, "edit-contention"))).isTrue();
    assertThat(Failures.transientRefusal(problem(409, "duplicate-id"))).isFalse();
    assertThat(Failures.transientRefusal(problem(500, "internal-error"))).isFalse();
  }
}
