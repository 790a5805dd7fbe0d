package io.messageboard.domain.failure;

/**
 * The kinds of failure a use case can end with; a closed set so that metric labels stay bounded.
 */
public enum FailureKind {
  NOT_FOUND,
  DUPLICATE,
  CONFLICT,
  INVALID,
  STORAGE_UNAVAILABLE
}
