package io.messageboard.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.domain.command.DeleteMessageCommand;
import io.messageboard.domain.command.EditMessageCommand;
import io.messageboard.domain.command.PostMessageCommand;
import io.messageboard.domain.failure.DuplicateMessageIdException;
import io.messageboard.domain.failure.EditContentionException;
import io.messageboard.domain.failure.FailureKind;
import io.messageboard.domain.failure.IdsExhaustedException;
import io.messageboard.domain.failure.MessageNotFoundException;
import io.messageboard.domain.failure.StorageUnavailableException;
import io.messageboard.domain.failure.VersionMismatchException;
import io.messageboard.domain.idempotency.KeyClaim;
import io.messageboard.domain.idempotency.RequestFingerprint;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessagePage;
import io.messageboard.domain.model.MessageText;
import io.messageboard.domain.model.PageRequest;
import io.messageboard.domain.model.ReplicaId;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MessageServicesTest {

  private static final Instant NOW = Instant.parse("2026-05-06T07:08:09.010Z");
  private static final RequestFingerprint FINGERPRINT =
      RequestFingerprint.of(new PostMessageCommand(Optional.empty(), new MessageText("x")));

  private final FakeMessageRepository repository = new FakeMessageRepository();
  private final CountingMetrics metrics = new CountingMetrics();
  private final MessageBoard board =
      MessageBoard.over(
          repository,
          new ScriptedKeys(repository, new KeyClaim.InFlight(FINGERPRINT, NOW)),
          Duration.ofHours(1),
          metrics,
          new ReplicaId("here"),
          Clock.fixed(NOW, ZoneOffset.UTC));

  private Message post(int id, String text) {
    return board
        .post()
        .post(new PostMessageCommand(Optional.of(new MessageId(id)), new MessageText(text)));
  }

  @Test
  void postingStampsTheReplicaAndTheClockAndCountsIt() {
    Message posted = post(1, "hi");

    assertThat(posted.replica()).isEqualTo("here");
    assertThat(posted.createdAt()).isEqualTo(NOW);
    assertThat(metrics.created).isEqualTo(1);
  }

  @Test
  void postingATakenIdFailsAndCountsADuplicate() {
    post(1, "first");

    assertThatThrownBy(() -> post(1, "second")).isInstanceOf(DuplicateMessageIdException.class);
    assertThat(metrics.created).isEqualTo(1);
    assertThat(metrics.failures).containsExactly(FailureKind.DUPLICATE);
  }

  @Test
  void gettingAMissingMessageFailsAndCountsNotFound() {
    assertThatThrownBy(() -> board.get().get(new MessageId(5)))
        .isInstanceOf(MessageNotFoundException.class);
    assertThat(metrics.failures).containsExactly(FailureKind.NOT_FOUND);
  }

  @Test
  void editingAtAStaleVersionFailsWithoutTouchingTheMessage() {
    post(1, "v1");
    board
        .edit()
        .edit(new EditMessageCommand(new MessageId(1), new MessageText("v2"), OptionalLong.of(1)));

    assertThatThrownBy(
            () ->
                board
                    .edit()
                    .edit(
                        new EditMessageCommand(
                            new MessageId(1), new MessageText("v3"), OptionalLong.of(1))))
        .isInstanceOf(VersionMismatchException.class);
    assertThat(board.get().get(new MessageId(1)).text()).isEqualTo("v2");
    assertThat(metrics.failures).containsExactly(FailureKind.VERSION_MISMATCH);
  }

  @Test
  void editingWithoutAnExpectedVersionRetriesWhenAnotherEditWinsTheRace() {
    post(1, "v1");
    repository.loseNextUpdates(2);

    Message edited =
        board
            .edit()
            .edit(
                new EditMessageCommand(
                    new MessageId(1), new MessageText("mine"), OptionalLong.empty()));

    assertThat(edited.text()).isEqualTo("mine");
    assertThat(repository.findById(new MessageId(1)).orElseThrow().text()).isEqualTo("mine");
  }

  @Test
  void editingWithAnExpectedVersionDoesNotRetryALostRace() {
    post(1, "v1");
    repository.loseNextUpdates(1);

    assertThatThrownBy(
            () ->
                board
                    .edit()
                    .edit(
                        new EditMessageCommand(
                            new MessageId(1), new MessageText("mine"), OptionalLong.of(1))))
        .isInstanceOf(VersionMismatchException.class);
  }

  @Test
  void anUnconditionalEditThatLosesEveryRaceFailsAsContentionNotAsAVersionMismatch() {
    post(1, "v1");
    repository.loseNextUpdates(EditMessageService.UNCONDITIONAL_ATTEMPTS);

    assertThatThrownBy(
            () ->
                board
                    .edit()
                    .edit(
                        new EditMessageCommand(
                            new MessageId(1), new MessageText("mine"), OptionalLong.empty())))
        .isInstanceOf(EditContentionException.class);
    assertThat(repository.findById(new MessageId(1)).orElseThrow().text()).isEqualTo("v1");
    assertThat(metrics.failures).containsExactly(FailureKind.EDIT_CONTENTION);
    assertThat(metrics.edited).isZero();
  }

  @Test
  void runningOutOfIdsCountsAsIdsExhaustedNotAsAConflict() {
    post(Integer.MAX_VALUE, "highest");

    assertThatThrownBy(
            () ->
                board
                    .post()
                    .post(new PostMessageCommand(Optional.empty(), new MessageText("one more"))))
        .isInstanceOf(IdsExhaustedException.class);
    assertThat(metrics.failures).containsExactly(FailureKind.IDS_EXHAUSTED);
  }

  @Test
  void deletingTellsAStaleVersionFromAMissingMessage() {
    post(1, "v1");

    assertThatThrownBy(
            () ->
                board
                    .delete()
                    .delete(new DeleteMessageCommand(new MessageId(1), OptionalLong.of(3))))
        .isInstanceOf(VersionMismatchException.class);
    assertThatThrownBy(
            () ->
                board
                    .delete()
                    .delete(new DeleteMessageCommand(new MessageId(2), OptionalLong.of(1))))
        .isInstanceOf(MessageNotFoundException.class);
    board.delete().delete(new DeleteMessageCommand(new MessageId(1), OptionalLong.of(1)));
    assertThat(repository.findById(new MessageId(1))).isEmpty();
    assertThat(metrics.deleted).isEqualTo(1);
  }

  @Test
  void editingAtTheCurrentVersionStoresTheNewTextAndCountsIt() {
    post(1, "v1");

    Message edited =
        board
            .edit()
            .edit(
                new EditMessageCommand(
                    new MessageId(1), new MessageText("v2"), OptionalLong.of(1)));

    assertThat(edited.version()).isEqualTo(2);
    assertThat(edited.updatedAt()).isEqualTo(NOW);
    assertThat(board.get().get(new MessageId(1)).text()).isEqualTo("v2");
    assertThat(metrics.edited).isEqualTo(1);
    assertThat(metrics.failures).isEmpty();
  }

  @Test
  void editingAMissingMessageFailsAndCountsNotFound() {
    assertThatThrownBy(
            () ->
                board
                    .edit()
                    .edit(
                        new EditMessageCommand(
                            new MessageId(4), new MessageText("x"), OptionalLong.empty())))
        .isInstanceOf(MessageNotFoundException.class)
        .hasMessage("No message with id 4");
    assertThat(metrics.failures).containsExactly(FailureKind.NOT_FOUND);
    assertThat(metrics.edited).isZero();
  }

  @Test
  void listingReturnsThePageTheRepositoryFinds() {
    post(1, "a");
    post(2, "b");
    post(3, "c");

    MessagePage page = board.list().list(PageRequest.first(2));

    assertThat(page.items()).extracting(Message::text).containsExactly("a", "b");
    assertThat(page.nextAfter()).contains(new MessageId(2));
    assertThat(metrics.failures).isEmpty();
  }

  @Test
  void exportingHandsEveryMessageToTheSinkInIdOrder() {
    post(2, "b");
    post(1, "a");
    List<String> exported = new ArrayList<>();

    board.export().exportAll(message -> exported.add(message.text()));

    assertThat(exported).containsExactly("a", "b");
  }

  @Test
  void aFailingExportIsCountedByKind() {
    post(1, "a");

    assertThatThrownBy(
            () ->
                board
                    .export()
                    .exportAll(
                        message -> {
                          throw new StorageUnavailableException(
                              "lost", new IOException("connection reset"));
                        }))
        .isInstanceOf(StorageUnavailableException.class);
    assertThat(metrics.failures).containsExactly(FailureKind.STORAGE_UNAVAILABLE);
  }
}
