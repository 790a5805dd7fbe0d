package io.messageboard.adapter.persistence.memory;

import io.messageboard.domain.failure.IdempotencyKeyInUseException;
import io.messageboard.domain.idempotency.ClaimRequest;
import io.messageboard.domain.idempotency.IdempotencyKey;
import io.messageboard.domain.idempotency.KeyClaim;
import io.messageboard.domain.idempotency.RecordedResponse;
import io.messageboard.domain.idempotency.RequestFingerprint;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.port.out.IdempotencyKeyRepository;
import io.messageboard.domain.port.out.MessageRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Idempotency keys held in memory beside the messages of {@code messages}; one lock makes taking a
 * key and storing a message with its response atomic, as the MariaDB transaction does.
 */
public final class InMemoryIdempotencyKeyRepository implements IdempotencyKeyRepository {

  private record Entry(
      RequestFingerprint fingerprint, String token, RecordedResponse response, Instant expiresAt) {}

  private final MessageRepository messages;
  private final Map<IdempotencyKey, Entry> keys = new HashMap<>();

  public InMemoryIdempotencyKeyRepository(MessageRepository messages) {
    this.messages = Objects.requireNonNull(messages, "messages");
  }

  @Override
  public synchronized KeyClaim claim(ClaimRequest request) {
    Entry existing = keys.get(request.key());
    if (existing != null && existing.expiresAt().isAfter(request.now())) {
      return existing.response() == null
          ? new KeyClaim.InFlight(existing.fingerprint(), existing.expiresAt())
          : new KeyClaim.Completed(existing.fingerprint(), existing.response());
    }
    String token = UUID.randomUUID().toString();
    keys.put(request.key(), new Entry(request.fingerprint(), token, null, request.leaseUntil()));
    return new KeyClaim.Granted(request.key(), token);
  }

  @Override
  public synchronized RecordedResponse addMessage(
      KeyClaim.Granted claim,
      NewMessage message,
      Function<Message, RecordedResponse> response,
      Instant expiresAt) {
    Entry held = keys.get(claim.key());
    if (held == null || !held.token().equals(claim.token())) {
      throw new IdempotencyKeyInUseException();
    }
    RecordedResponse recorded = response.apply(messages.add(message));
    keys.put(claim.key(), new Entry(held.fingerprint(), held.token(), recorded, expiresAt));
    return recorded;
  }

  @Override
  public synchronized void release(KeyClaim.Granted claim) {
    Entry held = keys.get(claim.key());
    if (held != null && held.token().equals(claim.token()) && held.response() == null) {
      keys.remove(claim.key());
    }
  }

  @Override
  public synchronized int purgeExpired(Instant now, int limit) {
    int purged = 0;
    Iterator<Entry> entries = keys.values().iterator();
    while (entries.hasNext() && purged < limit) {
      if (!entries.next().expiresAt().isAfter(now)) {
        entries.remove();
        purged++;
      }
    }
    return purged;
  }
}
