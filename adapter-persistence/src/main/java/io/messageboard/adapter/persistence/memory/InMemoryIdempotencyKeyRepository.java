package io.messageboard.adapter.persistence.memory;

import io.messageboard.domain.failure.IdempotencyKeyInUseException;
import io.messageboard.domain.idempotency.ClaimRequest;
import io.messageboard.domain.idempotency.ClientScope;
import io.messageboard.domain.idempotency.IdempotencyKey;
import io.messageboard.domain.idempotency.KeyClaim;
import io.messageboard.domain.idempotency.RequestFingerprint;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.port.out.IdempotencyKeyRepository;
import io.messageboard.domain.port.out.MessageRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Idempotency keys, each within its client's scope, held in memory beside the messages of {@code
 * messages}; one lock makes taking a key and recording the message stored under it atomic, as the
 * MariaDB transaction does.
 */
public final class InMemoryIdempotencyKeyRepository implements IdempotencyKeyRepository {

  /** A key's state; {@code completing} while its message is being stored (no takeover then). */
  private record Entry(
      RequestFingerprint fingerprint,
      String token,
      @Nullable Message created,
      Instant expiresAt,
      boolean completing) {

    boolean liveAt(Instant now) {
      return completing || expiresAt.isAfter(now);
    }
  }

  /** A key as the store knows it: the same key of two clients is two keys. */
  private record ScopedKey(ClientScope scope, IdempotencyKey key) {
    static ScopedKey of(ClaimRequest request) {
      return new ScopedKey(request.scope(), request.key());
    }

    static ScopedKey of(KeyClaim.Granted claim) {
      return new ScopedKey(claim.scope(), claim.key());
    }
  }

  private final MessageRepository messages;
  private final Clock clock;
  private final Map<ScopedKey, Entry> keys = new HashMap<>();

  /** Keys beside {@code messages}, judged by the system clock (the only one in one process). */
  public InMemoryIdempotencyKeyRepository(MessageRepository messages) {
    this(messages, Clock.systemUTC());
  }

  public InMemoryIdempotencyKeyRepository(MessageRepository messages, Clock clock) {
    this.messages = Objects.requireNonNull(messages, "messages");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public synchronized KeyClaim claim(ClaimRequest request) {
    Entry existing = keys.get(ScopedKey.of(request));
    if (existing != null && existing.liveAt(request.now())) {
      Message created = existing.created();
      return created == null
          ? new KeyClaim.InFlight(existing.fingerprint(), existing.expiresAt())
          : new KeyClaim.Completed(existing.fingerprint(), created);
    }
    String token = UUID.randomUUID().toString();
    keys.put(
        ScopedKey.of(request),
        new Entry(request.fingerprint(), token, null, request.leaseUntil(), false));
    return new KeyClaim.Granted(request.scope(), request.key(), token);
  }

  /**
   * Stores the message without holding the lock, so that other requests with the key are answered
   * (in flight) meanwhile instead of waiting, as they are on MariaDB.
   */
  @Override
  public Message addMessage(KeyClaim.Granted claim, NewMessage message, Instant expiresAt) {
    Entry held = markCompleting(claim);
    Message created;
    try {
      created = messages.add(message);
    } catch (RuntimeException failure) {
      replace(claim, held);
      throw failure;
    }
    replace(claim, new Entry(held.fingerprint(), held.token(), created, expiresAt, false));
    return created;
  }

  private synchronized Entry markCompleting(KeyClaim.Granted claim) {
    Entry held = keys.get(ScopedKey.of(claim));
    if (held == null || !held.token().equals(claim.token())) {
      throw new IdempotencyKeyInUseException();
    }
    keys.put(
        ScopedKey.of(claim),
        new Entry(held.fingerprint(), held.token(), null, held.expiresAt(), true));
    return held;
  }

  private synchronized void replace(KeyClaim.Granted claim, Entry entry) {
    keys.put(ScopedKey.of(claim), entry);
  }

  @Override
  public synchronized void release(KeyClaim.Granted claim) {
    Entry held = keys.get(ScopedKey.of(claim));
    if (held != null && held.token().equals(claim.token()) && held.created() == null) {
      keys.remove(ScopedKey.of(claim));
    }
  }

  @Override
  public synchronized int purgeExpired(Instant now, int limit) {
    int purged = 0;
    Iterator<Entry> entries = keys.values().iterator();
    while (entries.hasNext() && purged < limit) {
      if (!entries.next().liveAt(now)) {
        entries.remove();
        purged++;
      }
    }
    return purged;
  }
}
