package io.messageboard.domain.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class DomainFailuresTest {

  @Test
  void aMissingMessageNamesItsId() {
    MessageNotFoundException failure = new MessageNotFoundException(7);

    assertThat(failure.id()).isEqualTo(7);
    assertThat(failure.kind()).isEqualTo(FailureKind.NOT_FOUND);
    assertThat(failure).hasMessage("No message with id 7");
  }

  @Test
  void aDuplicateNamesTheTakenId() {
    DuplicateMessageIdException failure = new DuplicateMessageIdException(12);

    assertThat(failure.id()).isEqualTo(12);
    assertThat(failure.kind()).isEqualTo(FailureKind.DUPLICATE);
    assertThat(failure).hasMessage("A message with id 12 already exists");
  }

  @Test
  void aVersionMismatchNamesTheIdAndTheVersionTheCallerExpected() {
    VersionMismatchException failure = new VersionMismatchException(3, 8);

    assertThat(failure.id()).isEqualTo(3);
    assertThat(failure.expectedVersion()).isEqualTo(8);
    assertThat(failure.kind()).isEqualTo(FailureKind.VERSION_MISMATCH);
    assertThat(failure).hasMessage("Message 3 is no longer at version 8");
  }

  @Test
  void editContentionNamesTheIdAndHowOftenTheEditWasTried() {
    EditContentionException failure = new EditContentionException(4, 5);

    assertThat(failure.id()).isEqualTo(4);
    assertThat(failure.kind()).isEqualTo(FailureKind.EDIT_CONTENTION);
    assertThat(failure)
        .hasMessage("Message 4 was changed by other edits during each of 5 attempts; try again");
  }

  @Test
  void invalidInputNamesTheFieldAndTheRuleItBroke() {
    InvalidInputException failure = new InvalidInputException("limit", "must be positive");

    assertThat(failure.field()).isEqualTo("limit");
    assertThat(failure.reason()).isEqualTo("must be positive");
    assertThat(failure.kind()).isEqualTo(FailureKind.INVALID);
    assertThat(failure).hasMessage("limit: must be positive");
  }

  @Test
  void exhaustedIdsTellTheCallerToChooseAnId() {
    IdsExhaustedException failure = new IdsExhaustedException();

    assertThat(failure.kind()).isEqualTo(FailureKind.IDS_EXHAUSTED);
    assertThat(failure).hasMessageContaining("explicit free id");
  }

  @Test
  void unavailableStorageKeepsItsCause() {
    IOException cause = new IOException("connection reset");
    StorageUnavailableException failure =
        new StorageUnavailableException("Message store unreachable", cause);

    assertThat(failure.kind()).isEqualTo(FailureKind.STORAGE_UNAVAILABLE);
    assertThat(failure).hasMessage("Message store unreachable").hasCause(cause);
  }

  @Test
  void aStorageConflictKeepsItsCauseAndIsItsOwnKind() {
    IOException cause = new IOException("deadlock");
    StorageConflictException failure = new StorageConflictException("Refused, try again", cause);

    assertThat(failure.kind()).isEqualTo(FailureKind.STORAGE_CONFLICT);
    assertThat(failure).hasMessage("Refused, try again").hasCause(cause);
  }

  @Test
  void anUnknownOutcomeKeepsItsCauseAndIsNotAnUnavailableStore() {
    IOException cause = new IOException("socket closed during commit");
    OutcomeUnknownException failure = new OutcomeUnknownException("May have been stored", cause);

    assertThat(failure.kind()).isEqualTo(FailureKind.OUTCOME_UNKNOWN);
    assertThat(failure).hasMessage("May have been stored").hasCause(cause);
  }
}
