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
}
