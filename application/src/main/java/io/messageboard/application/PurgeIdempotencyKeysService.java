package io.messageboard.application;

import io.messageboard.domain.port.in.PurgeIdempotencyKeysUseCase;
import io.messageboard.domain.port.out.IdempotencyKeyRepository;
import java.time.Instant;
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

  public PurgeIdempotencyKeysService(IdempotencyKeyRepository keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  @Override
  public int purgeExpired() {
    int purged = 0;
    // Expired by the store's clock, the one their expiries were set by.
    Instant now = keys.now();
    for (int batch = 0; batch < MAX_BATCHES; batch++) {
      int deleted = keys.purgeExpired(now, BATCH_SIZE);
      purged += deleted;
      if (deleted < BATCH_SIZE) {
        break;
      }
    }
    return purged;
  }
}
