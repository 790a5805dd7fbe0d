package io.messageboard.adapter.http.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.request.FieldError;
import io.messageboard.adapter.http.request.RequestRejectedException;
import io.messageboard.adapter.http.request.RequestRejectedException.Reason;
import io.messageboard.domain.failure.DuplicateMessageIdException;
import io.messageboard.domain.failure.IdsExhaustedException;
import io.messageboard.domain.failure.MessageNotFoundException;
import io.messageboard.domain.failure.StorageUnavailableException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The legacy API's statuses and bodies, chosen beside the v1 statuses. */
class LegacyFailuresTest {

  private static final String INVALID_ID =
      "Invalid ID. It must be a whole number between -2147483648 and 2147483647";

  private static Failure of(Exception exception) {
    return FailureMapping.describe(exception);
  }

  private static Map<String, String> body(String method, Failure failure) {
    return FailureMapping.legacy(method, failure).body();
  }

  @Test
  void aBodyBreakingARuleIsAPlain400AndEveryOtherStatusStays() {
    Failure unprocessable =
        of(
            new RequestRejectedException(
                Reason.UNPROCESSABLE, "The body breaks the rules", List.of()));

    assertThat(FailureMapping.legacy("POST", unprocessable).status()).isEqualTo(400);
    assertThat(FailureMapping.legacy("GET", of(new MessageNotFoundException(3))).status())
        .isEqualTo(404);
    assertThat(FailureMapping.legacy("POST", of(new DuplicateMessageIdException(3))).status())
        .isEqualTo(409);
  }

  @Test
  void aFailureOfNoKindKeepsItsDetailUnlessItRefusedTheRequest() {
    assertThat(body("GET", FailureMapping.routingFailure(404)))
        .isEqualTo(Map.of("message", "No resource lives at this path."));
    assertThat(body("POST", of(new IllegalStateException("bug"))))
        .isEqualTo(Map.of("message", of(new IllegalStateException("bug")).detail()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST", "PUT", "DELETE"})
  void anUnreachableStoreGetsTheOriginalDatabaseMessage(String method) {
    assertThat(
            body(
                method,
                of(new StorageUnavailableException("down", new IOException("connection refused")))))
        .isEqualTo(Map.of("message", "Cannot connect to the database. Try again later."));
  }

  @Test
  void aDuplicateIdIsAnIntegrityError() {
    assertThat(body("POST", of(new DuplicateMessageIdException(3))))
        .isEqualTo(Map.of("error", "Integrity error, duplicated ID"));
  }

  @Test
  void aMissingMessageIsWordedPerOperation() {
    Failure missing = of(new MessageNotFoundException(3));

    assertThat(body("PUT", missing)).isEqualTo(Map.of("error", "No rows updated, ID not found"));
    assertThat(body("DELETE", missing)).isEqualTo(Map.of("error", "No rows deleted, ID not found"));
    assertThat(body("GET", missing)).isEqualTo(Map.of("message", "ID not found"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "PUT", "DELETE"})
  void aBadPathIdIsAnInvalidId(String method) {
    Failure badId = of(RequestRejectedException.malformed("id", "must be a whole number"));

    assertThat(body(method, badId)).isEqualTo(Map.of("message", INVALID_ID));
  }

  @Test
  void aBadBodyNamesTheFieldsEachOperationTakes() {
    Failure malformed = of(RequestRejectedException.malformed("body", "is not valid JSON"));
    Failure unprocessable =
        of(
            new RequestRejectedException(
                Reason.UNPROCESSABLE,
                "The body breaks the message rules",
                List.of(new FieldError("mess", "must not be blank"))));

    assertThat(body("POST", malformed))
        .isEqualTo(Map.of("message", "Invalid format. Must include only 'clid' and 'mess'"));
    assertThat(body("POST", unprocessable))
        .isEqualTo(Map.of("message", "Invalid format. Must include only 'clid' and 'mess'"));
    assertThat(body("PUT", unprocessable))
        .isEqualTo(Map.of("message", "Invalid format. Must include only 'mess'"));
  }

  @Test
  void aBadIdInsideTheBodyIsStillAFormatError() {
    Failure badClid =
        of(
            new RequestRejectedException(
                Reason.UNPROCESSABLE,
                "The body breaks the message rules",
                List.of(new FieldError("clid", "must be between 1 and 2147483647"))));

    assertThat(body("POST", badClid))
        .isEqualTo(Map.of("message", "Invalid format. Must include only 'clid' and 'mess'"));
  }

  @Test
  void anyOtherBadRequestKeepsItsDetail() {
    Failure badHeader = of(RequestRejectedException.malformed("query", "is malformed"));

    assertThat(body("GET", badHeader)).isEqualTo(Map.of("message", "query: is malformed"));
  }

  @Test
  void otherFailuresKeepTheirDetail() {
    Failure exhausted = of(new IdsExhaustedException());
    Failure unsupported =
        of(
            new RequestRejectedException(
                Reason.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type must be application/json, not text/plain",
                List.of()));

    assertThat(body("POST", exhausted))
        .isEqualTo(Map.of("message", exhausted.detail()))
        .isNotEqualTo(Map.of("message", "Invalid format. Must include only 'clid' and 'mess'"));
    assertThat(body("POST", unsupported))
        .isEqualTo(Map.of("message", "Content-Type must be application/json, not text/plain"));
  }
}
