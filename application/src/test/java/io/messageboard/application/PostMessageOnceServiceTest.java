package io.messageboard.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.domain.command.PostMessageCommand;
import io.messageboard.domain.failure.DuplicateMessageIdException;
import io.messageboard.domain.failure.FailureKind;
import io.messageboard.domain.failure.IdempotencyKeyInUseException;
import io.messageboard.domain.failure.IdempotencyKeyReusedException;
import io.messageboard.domain.failure.OutcomeUnknownException;
import io.messageboard.domain.failure.StorageConflictException;
import io.messageboard.domain.idempotency.ClaimRequest;
import io.messageboard.domain.idempotency.ClientScope;
import io.messageboard.domain.idempotency.IdempotencyKey;
import io.messageboard.domain.idempotency.KeyClaim;
import io.messageboard.domain.idempotency.PostMessageOnceCommand;
import io.messageboard.domain.idempotency.PostOutcome;
import io.messageboard.domain.idempotency.RequestFingerprint;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessageText;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.model.ReplicaId;
import io.messageboard.domain.model.StoredMessages;
import io.messageboard.domain.port.in.PostMessageOnceUseCase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostMessageOnceServiceTest {

  private static final Instant NOW = Instant.parse("2026-05-06T07:08:09.010Z");
  private static final Duration TTL = Duration.ofHours(6);
  private static final ClientScope SCOPE = new ClientScope("0123456789abcdef0123456789abcdef");
  private static final IdempotencyKey KEY = new IdempotencyKey("key-1");
  private static final PostMessageCommand HELLO =
      new PostMessageCommand(Optional.of(new MessageId(3)), new MessageText("hello"));
  private static final Message EARLIER =
      StoredMessages.restore(
          new MessageId(3), "hello", "there", NOW.minusSeconds(60), NOW.minusSeconds(60), 1);

  private final FakeMessageRepository messages = new FakeMessageRepository();
  private final ScriptedKeys keys =
      new ScriptedKeys(messages, new KeyClaim.Granted(SCOPE, KEY, "token"));
  private final CountingMetrics metrics = new CountingMetrics();
  private final MessageBoard board =
      MessageBoard.over(
          messages, keys, TTL, metrics, new ReplicaId("here"), Clock.fixed(NOW, ZoneOffset.UTC));
  private final PostMessageOnceUseCase service = board.postOnce();

  private PostOutcome post(PostMessageCommand command) {
    return service.post(new PostMessageOnceCommand(command, SCOPE, KEY));
  }

  // The replica's clock (NOW) is two hours off the store's: the lease and the expiry follow the
  // store's, which every replica shares; the message keeps the replica's time, as every post.
  @Test
  void anUnusedKeyPostsWithALeaseAndKeepsTheMessageForTheKeyLifetimeByTheStoresClock() {
    keys.answer = new KeyClaim.Granted(SCOPE, KEY, "token");
    keys.storeNow = NOW.plus(Duration.ofHours(2));

    PostOutcome outcome = post(HELLO);

    assertThat(outcome)
        .isEqualTo(new PostOutcome(messages.findById(new MessageId(3)).orElseThrow(), false));
    assertThat(keys.claims)
        .containsExactly(
            new ClaimRequest(
                SCOPE,
                KEY,
                RequestFingerprint.of(HELLO),
                new ReplicaId("here"),
                keys.storeNow,
                keys.storeNow.plus(PostMessageOnceService.IN_FLIGHT_LEASE)));
    assertThat(keys.expiresAt).isEqualTo(keys.storeNow.plus(TTL));
    assertThat(outcome.created().createdAt()).isEqualTo(NOW);
    assertThat(messages.findById(new MessageId(3)).map(Message::replica)).contains("here");
    assertThat(metrics.created).isEqualTo(1);
  }

  @Test
  void aCompletedKeyWithTheSameRequestIsReplayedAndCountsNoNewMessage() {
    keys.answer = new KeyClaim.Completed(RequestFingerprint.of(HELLO), EARLIER);

    assertThat(post(HELLO)).isEqualTo(new PostOutcome(EARLIER, true));
    assertThat(messages.findById(new MessageId(3))).isEmpty();
    assertThat(metrics.created).isZero();
  }

  @Test
  void aKeyUsedForAnotherRequestIsRefusedWhetherDoneOrRunning() {
    RequestFingerprint other =
        RequestFingerprint.of(new PostMessageCommand(Optional.empty(), new MessageText("other")));
    keys.answer = new KeyClaim.Completed(other, EARLIER);
    assertThatThrownBy(() -> post(HELLO)).isInstanceOf(IdempotencyKeyReusedException.class);

    keys.answer = new KeyClaim.InFlight(other, NOW.plusSeconds(5));
    assertThatThrownBy(() -> post(HELLO)).isInstanceOf(IdempotencyKeyReusedException.class);

    assertThat(metrics.failures)
        .containsExactly(FailureKind.IDEMPOTENCY_KEY_REUSED, FailureKind.IDEMPOTENCY_KEY_REUSED);
  }

  @Test
  void theSameRequestWhileTheFirstRunsIsInUse() {
    keys.answer = new KeyClaim.InFlight(RequestFingerprint.of(HELLO), NOW.plusSeconds(5));

    assertThatThrownBy(() -> post(HELLO)).isInstanceOf(IdempotencyKeyInUseException.class);
    assertThat(metrics.failures).containsExactly(FailureKind.IDEMPOTENCY_KEY_IN_USE);
  }

  @Test
  void aFailedPostGivesTheKeyUpSoThatARetryRunsAfresh() {
    messages.add(new NewMessage(HELLO.id(), new MessageText("taken"), new ReplicaId("x"), NOW));
    keys.answer = new KeyClaim.Granted(SCOPE, KEY, "token");

    assertThatThrownBy(() -> post(HELLO)).isInstanceOf(DuplicateMessageIdException.class);
    assertThat(keys.released).containsExactly(new KeyClaim.Granted(SCOPE, KEY, "token"));
    assertThat(metrics.failures).containsExactly(FailureKind.DUPLICATE);
  }

  @Test
  void aPostWhoseOutcomeIsUnknownKeepsTheKeyHeldSoThatARetryWaitsForTheTruth() {
    keys.answer = new KeyClaim.Granted(SCOPE, KEY, "token");
    keys.addFailure =
        new OutcomeUnknownException("lost during commit", new IllegalStateException("socket"));

    assertThatThrownBy(() -> post(HELLO)).isSameAs(keys.addFailure);
    assertThat(keys.released).isEmpty();
    assertThat(metrics.failures).containsExactly(FailureKind.OUTCOME_UNKNOWN);
  }

  @Test
  void aRefusedPostGivesTheKeyUpSoThatARetryRunsAfresh() {
    keys.answer = new KeyClaim.Granted(SCOPE, KEY, "token");
    keys.addFailure =
        new StorageConflictException("certification failed", new IllegalStateException("1213"));

    assertThatThrownBy(() -> post(HELLO)).isSameAs(keys.addFailure);
    assertThat(keys.released).containsExactly(new KeyClaim.Granted(SCOPE, KEY, "token"));
    assertThat(metrics.failures).containsExactly(FailureKind.STORAGE_CONFLICT);
  }

  @Test
  void purgingDeletesBatchesUntilOneIsShort() {
    keys.purgeBatches = new ArrayList<>(List.of(500, 500, 7, 500));

    int purged = board.purgeIdempotencyKeys().purgeExpired();

    assertThat(purged).isEqualTo(1007);
    assertThat(keys.purgeBatches).containsExactly(500);
    assertThat(keys.purgedBefore).isEqualTo(keys.storeNow).isNotEqualTo(NOW);
  }
}
