package io.messageboard.domain.port.in;

/** Driving port: deletes idempotency keys that have expired. */
public interface PurgeIdempotencyKeysUseCase {

  /** Deletes expired keys; returns how many. */
  int purgeExpired();
}
