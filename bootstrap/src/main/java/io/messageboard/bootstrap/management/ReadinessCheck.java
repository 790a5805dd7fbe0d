package io.messageboard.bootstrap.management;

import io.messageboard.bootstrap.lifecycle.DrainState;
import io.messageboard.bootstrap.storage.Storage;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether this replica should receive traffic: it is not draining, its schema is this
 * release's, and storage answers quickly.
 */
public final class ReadinessCheck {

  /** Longest a readiness probe waits for the storage; well under a probe's own timeout. */
  public static final Duration STORAGE_TIMEOUT = Duration.ofSeconds(1);

  private final Storage storage;
  private final DrainState drainState;

  public ReadinessCheck(Storage storage, DrainState drainState) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.drainState = Objects.requireNonNull(drainState, "drainState");
  }

  /**
   * The first failed check ({@code draining}, {@code schema} or {@code storage}), or empty when
   * ready.
   */
  public Optional<String> failedCheck() {
    if (drainState.isDraining()) {
      return Optional.of("draining");
    }
    if (!storage.schemaReady()) {
      return Optional.of("schema");
    }
    return storageAnswers() ? Optional.empty() : Optional.of("storage");
  }

  private boolean storageAnswers() {
    try {
      return storage.isReachable(STORAGE_TIMEOUT);
    } catch (RuntimeException e) {
      // A probe that breaks is a failed probe; the endpoint still answers 503 rather than 500.
      return false;
    }
  }
}
