package io.messageboard.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.domain.failure.InvalidInputException;
import io.messageboard.domain.failure.VersionMismatchException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MessageTest {

  private static final Instant CREATED = Instant.parse("2026-03-04T05:06:07.123456Z");

  private final Message first =
      new NewMessage(Optional.empty(), new MessageText("hello"), new ReplicaId("r1"), CREATED)
          .storedAs(new MessageId(9));

  @Test
  void startsAtVersionOneWithMillisecondTimestamps() {
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.createdAt()).isEqualTo(Instant.parse("2026-03-04T05:06:07.123Z"));
    assertThat(first.updatedAt()).isEqualTo(first.createdAt());
  }

  @Test
  void editingYieldsTheNextVersionAndKeepsCreatorAndCreationTime() {
    Message edited = first.edit(new MessageText("bye"), CREATED.plusSeconds(5));

    assertThat(edited.version()).isEqualTo(2);
    assertThat(edited.text()).isEqualTo("bye");
    assertThat(edited.replica()).isEqualTo(first.replica());
    assertThat(edited.createdAt()).isEqualTo(first.createdAt());
    assertThat(edited.updatedAt()).isEqualTo(Instant.parse("2026-03-04T05:06:12.123Z"));
    assertThat(first.text()).as("messages are immutable").isEqualTo("hello");
  }

  @Test
  void restoresAStoredRowExactlyAsStoredEvenWhenItBreaksTodaysInputRules() {
    Message adopted =
        StoredMessages.restore(new MessageId(0), "", "host with space", CREATED, CREATED, 1);

    assertThat(adopted.id().value()).isZero();
    assertThat(adopted.text()).isEmpty();
    assertThat(adopted.replica()).isEqualTo("host with space");
  }

  @Test
  void editingARestoredRowStillRequiresAValidNewText() {
    Message adopted =
        StoredMessages.restore(new MessageId(-3), "\u0000", "a b", CREATED, CREATED, 1);

    assertThatThrownBy(() -> adopted.edit(new MessageText(""), CREATED))
        .isInstanceOf(InvalidInputException.class);
    Message edited = adopted.edit(new MessageText("fixed"), CREATED.plusSeconds(1));
    assertThat(edited.text()).isEqualTo("fixed");
    assertThat(edited.replica()).isEqualTo("a b");
    assertThat(edited.version()).isEqualTo(2);
  }

  @Test
  void aNewMessageCannotAskForAnIdBelowOne() {
    assertThatThrownBy(
            () ->
                new NewMessage(
                    Optional.of(new MessageId(0)),
                    new MessageText("hello"),
                    new ReplicaId("r1"),
                    CREATED))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("id");
  }

  @Test
  void refusesToGoOnFromAnotherVersionThanTheCallerSaw() {
    assertThatThrownBy(() -> first.requireVersion(OptionalLong.of(2)))
        .isInstanceOf(VersionMismatchException.class);
    first.requireVersion(OptionalLong.of(1));
    first.requireVersion(OptionalLong.empty());
  }

  @Test
  void equalsAMessageWithTheSameStateOnly() {
    Message same = StoredMessages.restore(new MessageId(9), "hello", "r1", CREATED, CREATED, 1);

    assertThat(first).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(first)
        .isNotEqualTo(StoredMessages.restore(new MessageId(8), "hello", "r1", CREATED, CREATED, 1))
        .isNotEqualTo(StoredMessages.restore(new MessageId(9), "hullo", "r1", CREATED, CREATED, 1))
        .isNotEqualTo(StoredMessages.restore(new MessageId(9), "hello", "r2", CREATED, CREATED, 1))
        .isNotEqualTo(
            StoredMessages.restore(
                new MessageId(9), "hello", "r1", CREATED.minusSeconds(1), CREATED, 1))
        .isNotEqualTo(
            StoredMessages.restore(
                new MessageId(9), "hello", "r1", CREATED, CREATED.plusSeconds(1), 1))
        .isNotEqualTo(StoredMessages.restore(new MessageId(9), "hello", "r1", CREATED, CREATED, 2))
        .isNotEqualTo("hello");
  }

  @Test
  void hashesDifferentlyOnceEdited() {
    assertThat(first.edit(new MessageText("hello"), CREATED).hashCode())
        .isNotEqualTo(first.hashCode());
  }

  @Test
  void describesItselfWithoutRevealingItsText() {
    assertThat(first.toString())
        .isEqualTo("Message[id=9, replica=r1, version=1, length=5]")
        .doesNotContain("hello");
  }

  @Test
  void refusesAVersionBelowOne() {
    assertThatThrownBy(
            () -> StoredMessages.restore(new MessageId(1), "x", "r1", CREATED, CREATED, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("version must be at least 1, was 0");
  }
}
