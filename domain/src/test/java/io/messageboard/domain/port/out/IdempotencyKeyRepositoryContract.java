package io.messageboard.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.domain.command.PostMessageCommand;
import io.messageboard.domain.failure.DuplicateMessageIdException;
import io.messageboard.domain.failure.IdempotencyKeyInUseException;
import io.messageboard.domain.idempotency.ClaimRequest;
import io.messageboard.domain.idempotency.ClientScope;
import io.messageboard.domain.idempotency.IdempotencyKey;
import io.messageboard.domain.idempotency.KeyClaim;
import io.messageboard.domain.idempotency.RequestFingerprint;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessageText;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.model.PageRequest;
import io.messageboard.domain.model.ReplicaId;
import io.messageboard.testing.ConcurrentCalls;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link IdempotencyKeyRepository} must have. Each implementation's test extends
 * this class and supplies an empty key store together with the message store it writes to.
 */
public abstract class IdempotencyKeyRepositoryContract {

  /** A key store without keys and the (empty) message store its posts go to. */
  public record Stores(IdempotencyKeyRepository keys, MessageRepository messages) {}

  /** Subclassed once per key store implementation. */
  protected IdempotencyKeyRepositoryContract() {}

  protected static final ReplicaId REPLICA = new ReplicaId("replica-1");
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration TTL = Duration.ofHours(24);
  private static final ClientScope CLIENT = new ClientScope("5d0f1c2b3a4e5f60718293a4b5c6d7e8");
  private static final ClientScope OTHER_CLIENT =
      new ClientScope("9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b");
  private static final IdempotencyKey KEY =
      new IdempotencyKey("8e03978e-40d5-43e8-bc93-6894a57f9324");

  private IdempotencyKeyRepository keys;
  private MessageRepository messages;

  protected abstract Stores emptyStores();

  @BeforeEach
  void startEmpty() {
    Stores stores = emptyStores();
    keys = stores.keys();
    messages = stores.messages();
  }

  private static RequestFingerprint fingerprint(String text) {
    return RequestFingerprint.of(new PostMessageCommand(Optional.empty(), new MessageText(text)));
  }

  private static ClaimRequest claimAt(Instant now, String text) {
    return claimAt(CLIENT, now, text);
  }

  private static ClaimRequest claimAt(ClientScope scope, Instant now, String text) {
    return new ClaimRequest(scope, KEY, fingerprint(text), REPLICA, now, now.plus(LEASE));
  }

  private static NewMessage message(@Nullable Integer id, String text) {
    return new NewMessage(
        Optional.ofNullable(id).map(MessageId::new), new MessageText(text), REPLICA, NOW);
  }

  private KeyClaim.Granted granted(Instant now, String text) {
    return granted(CLIENT, now, text);
  }

  private KeyClaim.Granted granted(ClientScope scope, Instant now, String text) {
    KeyClaim claim = keys.claim(claimAt(scope, now, text));
    assertThat(claim).isInstanceOf(KeyClaim.Granted.class);
    return (KeyClaim.Granted) claim;
  }

  private Message complete(KeyClaim.Granted claim, NewMessage message) {
    return keys.addMessage(claim, message, NOW.plus(TTL));
  }

  @Test
  void anUnusedKeyIsGranted() {
    KeyClaim claim = keys.claim(claimAt(NOW, "hello"));

    assertThat(claim)
        .isInstanceOfSatisfying(
            KeyClaim.Granted.class,
            granted -> {
              assertThat(granted.scope()).isEqualTo(CLIENT);
              assertThat(granted.key()).isEqualTo(KEY);
            });
  }

  @Test
  void theSameKeyOfAnotherClientIsAnotherKey() {
    KeyClaim.Granted mine = granted(CLIENT, NOW, "hello");

    KeyClaim.Granted theirs = granted(OTHER_CLIENT, NOW, "hello");

    assertThat(theirs.scope()).isEqualTo(OTHER_CLIENT);
    assertThat(theirs.token()).isNotEqualTo(mine.token());
  }

  @Test
  void eachClientGetsBackItsOwnMessageForTheSameKey() {
    Message mine = complete(granted(CLIENT, NOW, "hello"), message(null, "hello"));
    Message theirs = complete(granted(OTHER_CLIENT, NOW, "hello"), message(null, "hello"));

    assertThat(mine.id()).isNotEqualTo(theirs.id());
    assertThat(keys.claim(claimAt(CLIENT, NOW.plusSeconds(1), "hello")))
        .isEqualTo(new KeyClaim.Completed(fingerprint("hello"), mine));
    assertThat(keys.claim(claimAt(OTHER_CLIENT, NOW.plusSeconds(1), "hello")))
        .isEqualTo(new KeyClaim.Completed(fingerprint("hello"), theirs));
  }

  @Test
  void releasingOneClientsKeyLeavesTheSameKeyOfAnotherClientHeld() {
    KeyClaim.Granted mine = granted(CLIENT, NOW, "hello");
    granted(OTHER_CLIENT, NOW, "hello");

    keys.release(mine);

    assertThat(keys.claim(claimAt(OTHER_CLIENT, NOW, "hello")))
        .isInstanceOf(KeyClaim.InFlight.class);
    assertThat(keys.claim(claimAt(CLIENT, NOW, "hello"))).isInstanceOf(KeyClaim.Granted.class);
  }

  @Test
  void aHoldOfOneClientCannotCompleteTheSameKeyOfAnother() {
    KeyClaim.Granted mine = granted(CLIENT, NOW, "hello");
    KeyClaim.Granted forged = new KeyClaim.Granted(OTHER_CLIENT, KEY, mine.token());

    assertThatThrownBy(() -> complete(forged, message(1, "hello")))
        .isInstanceOf(IdempotencyKeyInUseException.class);
    assertThat(messages.findById(new MessageId(1))).isEmpty();
  }

  @Test
  void aKeyHeldByARunningRequestIsReportedInFlightWithItsFingerprintAndLease() {
    granted(NOW, "hello");

    KeyClaim second = keys.claim(claimAt(NOW.plusSeconds(1), "hello"));

    assertThat(second).isEqualTo(new KeyClaim.InFlight(fingerprint("hello"), NOW.plus(LEASE)));
  }

  @Test
  void aCompletedKeyGivesBackTheCreatedMessageExactly() {
    String text = "hello 👋 \"quoted\" ' \\ ✓";
    Message recorded = complete(granted(NOW, text), message(7, text));

    KeyClaim retry = keys.claim(claimAt(NOW.plusSeconds(60), text));

    assertThat(retry).isEqualTo(new KeyClaim.Completed(fingerprint(text), recorded));
    assertThat(recorded.id()).isEqualTo(new MessageId(7));
    assertThat(recorded.text()).isEqualTo(text);
    assertThat(recorded.createdAt()).isEqualTo(NOW);
    assertThat(recorded.version()).isEqualTo(1);
    assertThat(messages.findById(new MessageId(7))).contains(recorded);
  }

  @Test
  void aCompletedKeyGivesBackTheMessageAsCreatedAfterItWasEditedOrDeleted() {
    Message created = complete(granted(NOW, "first"), message(7, "first"));
    messages.update(created.edit(new MessageText("second"), NOW.plusSeconds(1)));
    assertThat(keys.claim(claimAt(NOW.plusSeconds(2), "first")))
        .isEqualTo(new KeyClaim.Completed(fingerprint("first"), created));

    messages.delete(created.id(), OptionalLong.empty());

    assertThat(keys.claim(claimAt(NOW.plusSeconds(3), "first")))
        .isEqualTo(new KeyClaim.Completed(fingerprint("first"), created));
  }

  @Test
  void releasingAKeyAfterItsMessageWasStoredKeepsItCompletedSoNothingIsPostedTwice() {
    KeyClaim.Granted claim = granted(NOW, "hello");
    Message created = complete(claim, message(null, "hello"));

    keys.release(claim);

    assertThat(keys.claim(claimAt(NOW.plusSeconds(1), "hello")))
        .isEqualTo(new KeyClaim.Completed(fingerprint("hello"), created));
    assertThat(messages.findPage(PageRequest.first(10)).items()).containsExactly(created);
  }

  @Test
  void aFailedInsertRecordsNoResponseAndAReleasedKeyCanBeTakenAgain() {
    messages.add(message(7, "already there"));
    KeyClaim.Granted claim = granted(NOW, "intruder");

    assertThatThrownBy(() -> complete(claim, message(7, "intruder")))
        .isInstanceOf(DuplicateMessageIdException.class);
    assertThat(keys.claim(claimAt(NOW, "intruder"))).isInstanceOf(KeyClaim.InFlight.class);

    keys.release(claim);

    assertThat(keys.claim(claimAt(NOW, "intruder"))).isInstanceOf(KeyClaim.Granted.class);
    assertThat(messages.findById(new MessageId(7)).map(Message::text)).contains("already there");
  }

  @Test
  void aHoldPastItsLeaseIsTakenOverAndTheAbandonedRequestThenStoresNothing() {
    KeyClaim.Granted abandoned = granted(NOW, "hello");

    KeyClaim.Granted successor = granted(NOW.plus(LEASE), "hello");

    assertThat(successor.token()).isNotEqualTo(abandoned.token());
    assertThatThrownBy(() -> complete(abandoned, message(1, "hello")))
        .isInstanceOf(IdempotencyKeyInUseException.class);
    assertThat(messages.findById(new MessageId(1))).isEmpty();
    complete(successor, message(1, "hello"));
    assertThat(messages.findById(new MessageId(1))).isPresent();
  }

  @Test
  void releasingAKeyTakenOverByAnotherRequestLeavesTheOtherHoldAlone() {
    KeyClaim.Granted abandoned = granted(NOW, "hello");
    granted(NOW.plus(LEASE), "hello");

    keys.release(abandoned);

    assertThat(keys.claim(claimAt(NOW.plus(LEASE), "hello"))).isInstanceOf(KeyClaim.InFlight.class);
  }

  @Test
  void aCompletedKeyPastItsExpiryCountsAsUnused() {
    KeyClaim.Granted claim = granted(NOW, "hello");
    complete(claim, message(null, "hello"));

    assertThat(keys.claim(claimAt(NOW.plus(TTL).minusMillis(1), "hello")))
        .isInstanceOf(KeyClaim.Completed.class);
    assertThat(keys.claim(claimAt(NOW.plus(TTL), "other"))).isInstanceOf(KeyClaim.Granted.class);
  }

  @Test
  void purgeDeletesOnlyExpiredKeysAndAtMostTheLimit() {
    for (int i = 0; i < 5; i++) {
      keys.claim(
          new ClaimRequest(
              CLIENT,
              new IdempotencyKey("old-" + i),
              fingerprint("x"),
              REPLICA,
              NOW,
              NOW.plusSeconds(1)));
    }
    KeyClaim.Granted live = granted(NOW, "hello");
    complete(live, message(null, "hello"));
    Instant later = NOW.plusSeconds(2);

    assertThat(keys.purgeExpired(later, 3)).isEqualTo(3);
    assertThat(keys.purgeExpired(later, 3)).isEqualTo(2);
    assertThat(keys.purgeExpired(later, 3)).isZero();
    assertThat(keys.claim(claimAt(later, "hello"))).isInstanceOf(KeyClaim.Completed.class);
  }

  @Test
  void concurrentPostsUnderHeldKeysEachStoreTheirOwnMessageAndOnlyTheLostHoldOrTakenIdFail()
      throws Exception {
    messages.add(message(500, "already there"));
    KeyClaim.Granted lost = granted(CLIENT, NOW, "lost");
    KeyClaim.Granted takenOver = granted(CLIENT, NOW.plus(LEASE).plusSeconds(1), "lost");
    List<KeyClaim.Granted> holds = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      holds.add(grantedKey("key-" + i, "post " + i));
    }
    List<Callable<String>> posts = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      KeyClaim.Granted hold = holds.get(i);
      Integer chosen = i == 7 ? Integer.valueOf(500) : null;
      String text = "post " + i;
      posts.add(() -> outcomeOf(() -> complete(hold, message(chosen, text)).text()));
    }
    posts.add(() -> outcomeOf(() -> complete(lost, message(null, "lost")).text()));

    List<String> outcomes = ConcurrentCalls.runTogether(posts);

    for (int i = 0; i < 16; i++) {
      assertThat(outcomes.get(i)).isEqualTo(i == 7 ? "DuplicateMessageIdException" : "post " + i);
    }
    assertThat(outcomes.get(16)).isEqualTo("IdempotencyKeyInUseException");
    assertThat(keys.claim(claimRequest("key-3", "post 3", NOW)))
        .isInstanceOfSatisfying(
            KeyClaim.Completed.class,
            done -> assertThat(done.created().text()).isEqualTo("post 3"));
    assertThat(complete(takenOver, message(null, "lost")).text()).isEqualTo("lost");
  }

  private KeyClaim.Granted grantedKey(String key, String text) {
    KeyClaim claim = keys.claim(claimRequest(key, text, NOW));
    assertThat(claim).isInstanceOf(KeyClaim.Granted.class);
    return (KeyClaim.Granted) claim;
  }

  private static ClaimRequest claimRequest(String key, String text, Instant now) {
    return new ClaimRequest(
        CLIENT, new IdempotencyKey(key), fingerprint(text), REPLICA, now, now.plus(LEASE));
  }

  private static String outcomeOf(Supplier<String> post) {
    try {
      return post.get();
    } catch (DuplicateMessageIdException | IdempotencyKeyInUseException refused) {
      return refused.getClass().getSimpleName();
    }
  }

  @Test
  void ofManyConcurrentClaimsOfOneKeyExactlyOneIsGranted() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<KeyClaim>> claims =
          IntStream.range(0, threads)
              .mapToObj(
                  i ->
                      pool.submit(
                          () -> {
                            start.await();
                            return keys.claim(claimAt(NOW, "hello"));
                          }))
              .toList();
      start.countDown();
      long granted = 0;
      for (Future<KeyClaim> claim : claims) {
        if (claim.get() instanceof KeyClaim.Granted) {
          granted++;
        } else {
          assertThat(claim.get()).isInstanceOf(KeyClaim.InFlight.class);
        }
      }
      assertThat(granted).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
