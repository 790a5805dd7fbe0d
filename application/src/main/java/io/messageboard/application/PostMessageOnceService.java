package io.messageboard.application;

import io.messageboard.domain.failure.DomainException;
import io.messageboard.domain.failure.IdempotencyKeyInUseException;
import io.messageboard.domain.failure.IdempotencyKeyReusedException;
import io.messageboard.domain.failure.OutcomeUnknownException;
import io.messageboard.domain.idempotency.ClaimRequest;
import io.messageboard.domain.idempotency.KeyClaim;
import io.messageboard.domain.idempotency.PostMessageOnceCommand;
import io.messageboard.domain.idempotency.PostOutcome;
import io.messageboard.domain.idempotency.RequestFingerprint;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.model.ReplicaId;
import io.messageboard.domain.port.in.PostMessageOnceUseCase;
import io.messageboard.domain.port.out.IdempotencyKeyRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Posts messages at most once per idempotency key of a client: holds the key, stores the message
 * and records it under the key, and answers retries with that message as created until the key
 * expires.
 */
public final class PostMessageOnceService implements PostMessageOnceUseCase {

  /**
   * How long a key stays held by a request that never finishes (its replica died) before another
   * request may take it over. Far above the slowest request that can still succeed (a 3 s pool wait
   * plus a few statements); a request slower than this stores nothing, since its hold is gone.
   */
  public static final Duration IN_FLIGHT_LEASE = Duration.ofSeconds(30);

  private final IdempotencyKeyRepository keys;
  private final ReplicaId replica;
  private final Clock clock;
  private final Duration keyLifetime;

  public PostMessageOnceService(
      IdempotencyKeyRepository keys, ReplicaId replica, Clock clock, Duration keyLifetime) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.replica = Objects.requireNonNull(replica, "replica");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.keyLifetime = Objects.requireNonNull(keyLifetime, "keyLifetime");
    if (keyLifetime.isNegative() || keyLifetime.isZero()) {
      throw new IllegalArgumentException("keys must live for a positive time");
    }
  }

  @Override
  public PostOutcome post(PostMessageOnceCommand command) {
    RequestFingerprint fingerprint = RequestFingerprint.of(command.post());
    // The lease and the expiry by the store's clock, which every replica shares; the message's
    // time by this replica's, as every other post.
    Instant storeNow = keys.now();
    KeyClaim claim =
        keys.claim(
            new ClaimRequest(
                command.scope(),
                command.key(),
                fingerprint,
                replica,
                storeNow,
                storeNow.plus(IN_FLIGHT_LEASE)));
    if (claim instanceof KeyClaim.Completed done) {
      return replay(done, fingerprint);
    }
    if (claim instanceof KeyClaim.InFlight running) {
      throw refusal(running.fingerprint(), fingerprint);
    }
    return postUnder((KeyClaim.Granted) claim, command, storeNow);
  }

  private static PostOutcome replay(KeyClaim.Completed done, RequestFingerprint fingerprint) {
    if (!done.fingerprint().equals(fingerprint)) {
      throw new IdempotencyKeyReusedException();
    }
    return new PostOutcome(done.created(), true);
  }

  // A different body is a client error whatever state the first request is in.
  private static DomainException refusal(RequestFingerprint held, RequestFingerprint fingerprint) {
    return held.equals(fingerprint)
        ? new IdempotencyKeyInUseException()
        : new IdempotencyKeyReusedException();
  }

  private PostOutcome postUnder(
      KeyClaim.Granted granted, PostMessageOnceCommand command, Instant storeNow) {
    NewMessage message =
        new NewMessage(command.post().id(), command.post().text(), replica, clock.instant());
    try {
      return new PostOutcome(keys.addMessage(granted, message, storeNow.plus(keyLifetime)), false);
    } catch (IdempotencyKeyInUseException lostHold) {
      throw lostHold;
    } catch (OutcomeUnknownException unknown) {
      // The message may be stored under this hold. The hold stays until its lease lapses, so that a
      // retry with the same key waits and then replays the message, or posts it afresh if it was
      // not stored; releasing it now could race the commit still in flight.
      throw unknown;
    } catch (RuntimeException failure) {
      // Nothing was stored, so a retry may run afresh: a failed post is not recorded.
      releaseQuietly(granted, failure);
      throw failure;
    }
  }

  private void releaseQuietly(KeyClaim.Granted granted, RuntimeException failure) {
    try {
      keys.release(granted);
    } catch (RuntimeException releaseFailed) {
      // The hold lapses by itself after IN_FLIGHT_LEASE.
      failure.addSuppressed(releaseFailed);
    }
  }
}
