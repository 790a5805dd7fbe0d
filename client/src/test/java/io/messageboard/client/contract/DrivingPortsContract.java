package io.messageboard.client.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.domain.command.DeleteMessageCommand;
import io.messageboard.domain.command.EditMessageCommand;
import io.messageboard.domain.command.PostMessageCommand;
import io.messageboard.domain.failure.DuplicateMessageIdException;
import io.messageboard.domain.failure.IdempotencyKeyReusedException;
import io.messageboard.domain.failure.MessageNotFoundException;
import io.messageboard.domain.failure.VersionMismatchException;
import io.messageboard.domain.feed.FeedSubscription;
import io.messageboard.domain.feed.MessageEvent;
import io.messageboard.domain.feed.MessageEventKind;
import io.messageboard.domain.idempotency.ClientScope;
import io.messageboard.domain.idempotency.IdempotencyKey;
import io.messageboard.domain.idempotency.PostMessageOnceCommand;
import io.messageboard.domain.idempotency.PostOutcome;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessagePage;
import io.messageboard.domain.model.MessageText;
import io.messageboard.domain.model.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the driving ports does, whatever lies behind them: the in-process
 * board, the client over HTTP, the live stack through nginx. The stack is shared with other tests,
 * so each test works on messages of its own (ids chosen at random high up, texts marked).
 */
public abstract class DrivingPortsContract {

  /** The ports under test; called once per test. */
  protected abstract DrivingPorts ports();

  protected static MessageText text(String what) {
    return new MessageText(what + " " + UUID.randomUUID());
  }

  /** An id far above the ids the store assigns in a test run, and unlikely to be taken. */
  protected static MessageId unusedId() {
    return new MessageId(2_000_000_000 + ThreadLocalRandom.current().nextInt(100_000_000));
  }

  protected Message posted(String what) {
    return ports().post().post(new PostMessageCommand(Optional.empty(), text(what)));
  }

  @Test
  void aPostedMessageIsReadBackAsPosted() {
    Message posted = posted("read back");

    assertThat(ports().get().get(posted.id())).isEqualTo(posted);
    assertThat(posted.version()).isEqualTo(1);
    assertThat(posted.createdAt()).isEqualTo(posted.updatedAt());
  }

  @Test
  void aPostWithAChosenIdKeepsIt() {
    MessageId chosen = unusedId();

    Message posted =
        ports().post().post(new PostMessageCommand(Optional.of(chosen), text("chosen id")));

    assertThat(posted.id()).isEqualTo(chosen);
    assertThat(ports().get().get(chosen)).isEqualTo(posted);
  }

  @Test
  void postingATakenIdFailsWithDuplicateMessageId() {
    Message first = posted("taken");

    assertThatThrownBy(
            () ->
                ports()
                    .post()
                    .post(new PostMessageCommand(Optional.of(first.id()), text("second"))))
        .isInstanceOf(DuplicateMessageIdException.class);
    assertThat(ports().get().get(first.id())).isEqualTo(first);
  }

  @Test
  void readingAMissingMessageFailsWithMessageNotFound() {
    MessageId missing = unusedId();

    assertThatThrownBy(() -> ports().get().get(missing))
        .isInstanceOf(MessageNotFoundException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void anEditReplacesTheTextAndCountsTheVersion() {
    Message posted = posted("before edit");
    MessageText after = text("after edit");

    Message edited =
        ports().edit().edit(new EditMessageCommand(posted.id(), after, OptionalLong.of(1)));

    assertThat(edited.text()).isEqualTo(after.value());
    assertThat(edited.version()).isEqualTo(2);
    assertThat(edited.createdAt()).isEqualTo(posted.createdAt());
    assertThat(ports().get().get(posted.id())).isEqualTo(edited);
  }

  @Test
  void anEditWithoutAVersionAppliesToWhateverIsStored() {
    Message posted = posted("last writer");
    ports().edit().edit(new EditMessageCommand(posted.id(), text("one"), OptionalLong.empty()));

    Message edited =
        ports().edit().edit(new EditMessageCommand(posted.id(), text("two"), OptionalLong.empty()));

    assertThat(edited.version()).isEqualTo(3);
  }

  @Test
  void anEditOfAnOlderVersionFailsWithVersionMismatchAndChangesNothing() {
    Message posted = posted("stale edit");
    Message current =
        ports().edit().edit(new EditMessageCommand(posted.id(), text("v2"), OptionalLong.of(1)));

    assertThatThrownBy(
            () ->
                ports()
                    .edit()
                    .edit(new EditMessageCommand(posted.id(), text("v3"), OptionalLong.of(1))))
        .isInstanceOf(VersionMismatchException.class);
    assertThat(ports().get().get(posted.id())).isEqualTo(current);
  }

  @Test
  void anEditOfAMissingMessageFailsWithMessageNotFound() {
    MessageId missing = unusedId();

    assertThatThrownBy(
            () ->
                ports()
                    .edit()
                    .edit(new EditMessageCommand(missing, text("nobody"), OptionalLong.empty())))
        .isInstanceOf(MessageNotFoundException.class);
  }

  @Test
  void aDeletedMessageIsGone() {
    Message posted = posted("to delete");

    ports().delete().delete(new DeleteMessageCommand(posted.id(), OptionalLong.of(1)));

    assertThatThrownBy(() -> ports().get().get(posted.id()))
        .isInstanceOf(MessageNotFoundException.class);
  }

  @Test
  void aDeleteOfAnOlderVersionFailsAndKeepsTheMessage() {
    Message posted = posted("stale delete");
    Message current =
        ports().edit().edit(new EditMessageCommand(posted.id(), text("v2"), OptionalLong.empty()));

    assertThatThrownBy(
            () ->
                ports().delete().delete(new DeleteMessageCommand(posted.id(), OptionalLong.of(1))))
        .isInstanceOf(VersionMismatchException.class);
    assertThat(ports().get().get(posted.id())).isEqualTo(current);
  }

  @Test
  void aDeleteOfAMissingMessageFailsWithMessageNotFound() {
    MessageId missing = unusedId();

    assertThatThrownBy(
            () -> ports().delete().delete(new DeleteMessageCommand(missing, OptionalLong.empty())))
        .isInstanceOf(MessageNotFoundException.class);
  }

  @Test
  void aKeyedPostRepeatedWithItsKeyIsReplayedNotPostedAgain() {
    PostMessageOnceCommand command = keyed(text("keyed"));

    PostOutcome first = ports().postOnce().post(command);
    PostOutcome again = ports().postOnce().post(command);

    assertThat(first.replayed()).isFalse();
    assertThat(again.replayed()).isTrue();
    assertThat(again.created()).isEqualTo(first.created());
  }

  @Test
  void aKeyUsedForAnotherBodyFailsWithIdempotencyKeyReused() {
    PostMessageOnceCommand first = keyed(text("first body"));
    ports().postOnce().post(first);

    PostMessageOnceCommand other =
        new PostMessageOnceCommand(
            new PostMessageCommand(Optional.empty(), text("other body")),
            first.scope(),
            first.key());

    assertThatThrownBy(() -> ports().postOnce().post(other))
        .isInstanceOf(IdempotencyKeyReusedException.class);
  }

  @Test
  void pagesListMessagesInIdOrderAndSayWhereTheNextStarts() {
    List<Message> ours = List.of(posted("page a"), posted("page b"), posted("page c"));
    Optional<MessageId> beforeOurs = Optional.of(new MessageId(ours.get(0).id().value() - 1));

    MessagePage first = ports().list().list(new PageRequest(beforeOurs, 2));
    MessagePage second = ports().list().list(new PageRequest(first.nextAfter(), 500));

    assertThat(first.items()).hasSize(2).first().isEqualTo(ours.get(0));
    assertThat(first.nextAfter()).contains(first.items().get(1).id());
    assertThat(second.items().get(0).id()).isGreaterThan(first.items().get(1).id());
    assertThat(concat(first, second)).containsSubsequence(ours);
  }

  @Test
  void aWatcherSeesAPostItsEditAndItsDeletionInOrder() throws Exception {
    try (FeedSubscription feed = ports().watch().watch(OptionalLong.empty())) {
      Message posted = posted("watched");
      Message edited =
          ports().edit().edit(new EditMessageCommand(posted.id(), text("v2"), OptionalLong.of(1)));
      ports().delete().delete(new DeleteMessageCommand(posted.id(), OptionalLong.of(2)));

      List<MessageEvent> events = FeedReading.eventsOf(feed, posted.id(), 3);

      assertThat(events)
          .extracting(MessageEvent::kind)
          .containsExactly(
              MessageEventKind.CREATED, MessageEventKind.EDITED, MessageEventKind.DELETED);
      assertThat(events.get(0).message()).contains(posted);
      assertThat(events.get(1).message()).contains(edited);
      assertThat(events.get(2).version()).isEqualTo(2);
      assertThat(events).extracting(MessageEvent::position).isSorted().doesNotHaveDuplicates();
    }
  }

  @Test
  void aWatcherResumingAfterAPositionGetsWhatFollowedItFirst() throws Exception {
    long firstPosition;
    Message second;
    try (FeedSubscription feed = ports().watch().watch(OptionalLong.empty())) {
      Message first = posted("resume a");
      second = posted("resume b");
      firstPosition = FeedReading.eventsOf(feed, first.id(), 1).get(0).position();
    }

    try (FeedSubscription resumed = ports().watch().watch(OptionalLong.of(firstPosition))) {
      MessageEvent next = FeedReading.nextEvent(resumed);

      assertThat(next.position()).isEqualTo(firstPosition + 1);
      assertThat(FeedReading.eventsOf(resumed, second.id(), 1, next))
          .extracting(MessageEvent::kind)
          .containsExactly(MessageEventKind.CREATED);
    }
  }

  @Test
  void aWatcherResumingAfterAPositionTheFeedNeverGaveIsToldToReadAgain() throws Exception {
    try (FeedSubscription feed = ports().watch().watch(OptionalLong.of(999_999_999_999L))) {
      FeedSubscription.Delivery first = FeedReading.nextDelivery(feed);

      assertThat(first).isInstanceOf(FeedSubscription.Delivery.Reset.class);
      Message posted = posted("after reset");
      assertThat(FeedReading.eventsOf(feed, posted.id(), 1)).hasSize(1);
    }
  }

  private static List<Message> concat(MessagePage first, MessagePage second) {
    return java.util.stream.Stream.concat(first.items().stream(), second.items().stream()).toList();
  }

  protected static PostMessageOnceCommand keyed(MessageText text) {
    return new PostMessageOnceCommand(
        new PostMessageCommand(Optional.empty(), text),
        ClientScope.ANONYMOUS,
        new IdempotencyKey(UUID.randomUUID().toString()));
  }
}
