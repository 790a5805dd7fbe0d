package io.messageboard.application;

import io.messageboard.domain.port.in.PurgeIdempotencyKeysUseCase;
import io.messageboard.domain.port.out.IdempotencyKeyRepository;
import java.time.Clock;
import java.util.Objects;

/**
 * Deletes expired idempotency keys in small batches, each its own short transaction, so that the
 * rows any batch locks are few and requests never wait behind a purge for long.
 */
public final class PurgeIdempotencyKeysService implements PurgeIdempotencyKeysUseCase {

  /** Keys deleted per statement. */
  public static final int BATCH_SIZE = 500;

  /**
   * Batches per run at most, so that one run ends even while keys expire faster than it deletes.
   */
  static final int MAX_BATCHES = 100;

  private final IdempotencyKeyRepository keys;
  private final Clock clock;

  public PurgeIdempotencyKeysService(IdempotencyKeyRepository keys, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public int purgeExpired() {
    int purged = 0;
    for (int batch = 0; batch < MAX_BATCHES; batch++) {
      int deleted = keys.purgeExpired(clock.instant(), BATCH_SIZE);
      purged += deleted;
      if (deleted < BATCH_SIZE) {
        break;
      }
    }
    return purged;
  }
}
