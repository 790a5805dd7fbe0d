package io.messageboard.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.domain.failure.DuplicateMessageIdException;
import io.messageboard.domain.feed.FeedBounds;
import io.messageboard.domain.feed.MessageEvent;
import io.messageboard.domain.feed.MessageEventKind;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessageText;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.model.ReplicaId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link MessageEventLog} must have together with the {@link MessageRepository}
 * that records into it: each committed change once, in the order the changes to a message happened,
 * at gapless positions; nothing for a change refused. Each implementation's test extends this class
 * and supplies an empty pair.
 */
public abstract class MessageEventLogContract {

  protected static final ReplicaId REPLICA = new ReplicaId("replica-1");
  protected static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.678Z");

  /** A repository and the log it records its changes in. */
  public record Store(MessageRepository messages, MessageEventLog events) {}

  private Store store;

  /** Subclassed once per implementation. */
  protected MessageEventLogContract() {}

  /** A store holding no messages and no events, fresh for each test. */
  protected abstract Store emptyStore();

  @BeforeEach
  void startEmpty() {
    store = emptyStore();
  }

  private Message post(int id, String text) {
    return store
        .messages()
        .add(
            new NewMessage(
                Optional.of(new MessageId(id)), new MessageText(text), REPLICA, CREATED));
  }

  private List<MessageEvent> allAfter(long position) {
    store.events().sequence();
    return store.events().after(position, 100);
  }

  @Test
  void anEmptyLogHoldsNothingAndCanResumeFromTheStartOnly() {
    assertThat(store.events().sequence()).isZero();
    assertThat(store.events().after(0, 10)).isEmpty();
    assertThat(store.events().bounds()).isEqualTo(new FeedBounds(1, 0));
    assertThat(store.events().bounds().canResumeAfter(0)).isTrue();
    assertThat(store.events().bounds().canResumeAfter(1)).isFalse();
  }

  @Test
  void recordsACreationAnEditAndADeletionAtConsecutivePositionsInTheirOrder() {
    Message created = post(7, "first");
    Message edited = created.edit(new MessageText("second"), CREATED.plusSeconds(1));
    assertThat(store.messages().update(edited)).isTrue();
    assertThat(store.messages().delete(new MessageId(7), OptionalLong.empty())).isTrue();

    List<MessageEvent> events = allAfter(0);

    assertThat(events).extracting(MessageEvent::position).containsExactly(1L, 2L, 3L);
    assertThat(events)
        .extracting(MessageEvent::kind)
        .containsExactly(
            MessageEventKind.CREATED, MessageEventKind.EDITED, MessageEventKind.DELETED);
    assertThat(events.get(0).message()).contains(created);
    assertThat(events.get(1).message()).contains(edited);
    assertThat(events.get(2).message()).isEmpty();
    assertThat(events.get(2).messageId()).isEqualTo(new MessageId(7));
    assertThat(events.get(2).version()).isEqualTo(2);
  }

  @Test
  void aDeletionConditionalOnTheVersionRecordsThatVersion() {
    post(3, "to go");
    assertThat(store.messages().delete(new MessageId(3), OptionalLong.of(1))).isTrue();

    assertThat(allAfter(1))
        .singleElement()
        .satisfies(
            deleted -> {
              assertThat(deleted.kind()).isEqualTo(MessageEventKind.DELETED);
              assertThat(deleted.version()).isEqualTo(1);
            });
  }

  @Test
  void refusedChangesRecordNothing() {
    Message created = post(5, "kept");
    assertThatThrownBy(() -> post(5, "same id")).isInstanceOf(DuplicateMessageIdException.class);
    Message stale =
        created.edit(new MessageText("late"), CREATED).edit(new MessageText("x"), CREATED);
    assertThat(store.messages().update(stale)).isFalse();
    assertThat(store.messages().delete(new MessageId(5), OptionalLong.of(9))).isFalse();
    assertThat(store.messages().delete(new MessageId(404), OptionalLong.empty())).isFalse();

    assertThat(allAfter(0))
        .extracting(MessageEvent::kind)
        .containsExactly(MessageEventKind.CREATED);
  }

  @Test
  void readsPageAfterAPositionWithoutGaps() {
    for (int id = 1; id <= 5; id++) {
      post(id, "message " + id);
    }
    store.events().sequence();

    assertThat(store.events().after(1, 2))
        .extracting(MessageEvent::position)
        .containsExactly(2L, 3L);
    assertThat(store.events().after(3, 10))
        .extracting(MessageEvent::position)
        .containsExactly(4L, 5L);
    assertThat(store.events().after(5, 10)).isEmpty();
    assertThat(store.events().bounds()).isEqualTo(new FeedBounds(1, 5));
  }

  @Test
  void purgingDropsTheEventsRecordedBeforeTheCutoffAndMovesTheFirstKept() {
    post(1, "old");
    post(2, "old too");
    store.events().sequence();

    assertThat(store.events().purgeRecordedBefore(Instant.now().plusSeconds(3_600), 1))
        .isEqualTo(1);
    assertThat(store.events().bounds()).isEqualTo(new FeedBounds(2, 2));
    assertThat(store.events().bounds().canResumeAfter(0)).isFalse();
    assertThat(store.events().bounds().canResumeAfter(1)).isTrue();
    assertThat(store.events().purgeRecordedBefore(Instant.now().minusSeconds(3_600), 10)).isZero();
    assertThat(store.events().purgeRecordedBefore(Instant.now().plusSeconds(3_600), 10))
        .isEqualTo(1);
    assertThat(store.events().bounds()).isEqualTo(new FeedBounds(3, 2));
  }
}
