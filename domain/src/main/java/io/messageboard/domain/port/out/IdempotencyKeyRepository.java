package io.messageboard.domain.port.out;

import io.messageboard.domain.idempotency.ClaimRequest;
import io.messageboard.domain.idempotency.KeyClaim;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.NewMessage;
import java.time.Instant;

/**
 * Driven port: idempotency keys of posts, each with the fingerprint of its request and, once done,
 * the message it created (as created), shared by every replica.
 *
 * <p>A key that is held past its lease (its request died) or done past its expiry counts as absent.
 * Leases and expiries are judged by one clock, the store's ({@link #now()}), never by the clocks of
 * the replicas that share it. Implementations raise only domain failures, as {@link
 * MessageRepository} does.
 */
public interface IdempotencyKeyRepository {

  /**
   * The time now by the store's own clock: the one every replica's leases and expiries are set and
   * judged by, so that replicas whose clocks disagree still agree on when a hold lapses.
   */
  Instant now();

  /**
   * Holds {@code request.key()} for the request unless another live request holds it or a request
   * with it is done; atomic across replicas.
   */
  KeyClaim claim(ClaimRequest request);

  /**
   * Stores {@code message} and, in the same transaction, records the created message under the held
   * key, kept until {@code expiresAt}.
   *
   * @return the message created, as recorded
   * @throws io.messageboard.domain.failure.IdempotencyKeyInUseException when the hold lapsed and
   *     another request took the key; nothing is stored then
   */
  Message addMessage(KeyClaim.Granted claim, NewMessage message, Instant expiresAt);

  /**
   * Gives the key up after its request failed, so that a retry runs afresh; a key whose message was
   * stored stays as it is, since its request did not fail whatever its caller was told.
   */
  void release(KeyClaim.Granted claim);

  /**
   * Deletes at most {@code limit} keys that expired (or whose hold lapsed) before {@code now}.
   *
   * @return how many were deleted
   */
  int purgeExpired(Instant now, int limit);
}
