package io.messageboard.adapter.persistence.jdbi;

import java.util.Objects;

/** What became of one write in a coalesced batch that committed: stored, or refused alone. */
sealed interface WriteOutcome<R> {

  static <R> WriteOutcome<R> stored(R result) {
    return new Stored<>(result);
  }

  static <R> WriteOutcome<R> refused(RuntimeException failure) {
    return new Refused<>(failure);
  }

  /** The write is in the batch's commit. */
  record Stored<R>(R result) implements WriteOutcome<R> {
    public Stored {
      Objects.requireNonNull(result, "result");
    }
  }

  /** The write was refused on its own (a taken id, a lost key) and stored nothing. */
  record Refused<R>(RuntimeException failure) implements WriteOutcome<R> {
    public Refused {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
