package io.messageboard.application;

import io.messageboard.domain.idempotency.ClaimRequest;
import io.messageboard.domain.idempotency.KeyClaim;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.port.out.IdempotencyKeyRepository;
import io.messageboard.domain.port.out.MessageRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Idempotency keys that answer claims as the test says and store messages in {@code messages}. */
final class ScriptedKeys implements IdempotencyKeyRepository {
  private final MessageRepository messages;
  KeyClaim answer;
  final List<ClaimRequest> claims = new ArrayList<>();
  final List<KeyClaim.Granted> released = new ArrayList<>();
  @Nullable Instant expiresAt;
  List<Integer> purgeBatches = new ArrayList<>();
  @Nullable RuntimeException addFailure;

  /** The store's clock, which the tests set apart from the replica's. */
  Instant storeNow = Instant.parse("2026-05-06T09:00:00Z");

  @Nullable Instant purgedBefore;

  ScriptedKeys(MessageRepository messages, KeyClaim answer) {
    this.messages = messages;
    this.answer = answer;
  }

  @Override
  public Instant now() {
    return storeNow;
  }

  @Override
  public KeyClaim claim(ClaimRequest request) {
    claims.add(request);
    return answer;
  }

  @Override
  public Message addMessage(KeyClaim.Granted claim, NewMessage message, Instant expiresAt) {
    this.expiresAt = expiresAt;
    if (addFailure != null) {
      throw addFailure;
    }
    return messages.add(message);
  }

  @Override
  public void release(KeyClaim.Granted claim) {
    released.add(claim);
  }

  @Override
  public int purgeExpired(Instant now, int limit) {
    purgedBefore = now;
    return purgeBatches.remove(0);
  }
}
