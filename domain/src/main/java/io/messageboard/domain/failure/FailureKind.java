package io.messageboard.domain.failure;

/**
 * The kinds of failure a use case can end with; a closed set so that metric labels stay bounded.
 * Each kind is one cause an operator can act on, never two lumped together.
 */
public enum FailureKind {
  NOT_FOUND,
  DUPLICATE,
  VERSION_MISMATCH,
  EDIT_CONTENTION,
  IDS_EXHAUSTED,
  INVALID,
  STORAGE_UNAVAILABLE,
  STORAGE_CONFLICT,
  OUTCOME_UNKNOWN,
  IDEMPOTENCY_KEY_IN_USE,
  IDEMPOTENCY_KEY_REUSED,
  FEED_BUSY
}
