package io.messageboard.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.StoredMessages;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageEventTest {

  private static final Instant AT = Instant.parse("2026-12-07T01:00:00Z");
  private static final Message MESSAGE =
      StoredMessages.restore(new MessageId(4), "text", "app-1", AT, AT, 3);

  @Test
  void aCreationOrEditCarriesTheMessageItsIdAndVersion() {
    MessageEvent event = MessageEvent.of(1, MessageEventKind.EDITED, MESSAGE, AT);

    assertThat(event.messageId()).isEqualTo(new MessageId(4));
    assertThat(event.version()).isEqualTo(3);
    assertThat(event.message()).contains(MESSAGE);
    assertThat(event.recordedAt()).isEqualTo(AT);
  }

  @Test
  void aDeletionCarriesTheIdAndVersionAndNoMessage() {
    MessageEvent event = MessageEvent.deleted(2, new MessageId(4), 3, AT);

    assertThat(event.kind()).isEqualTo(MessageEventKind.DELETED);
    assertThat(event.message()).isEmpty();
    assertThat(event.version()).isEqualTo(3);
  }

  @Test
  void positionsStartAtOne() {
    assertThat(MessageEvent.deleted(1, new MessageId(4), 3, AT).position()).isEqualTo(1);
    assertThatThrownBy(() -> MessageEvent.deleted(0, new MessageId(4), 3, AT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDeletionWithAMessageOrAChangeWithoutOneIsRefused() {
    assertThatThrownBy(
            () ->
                new MessageEvent(
                    1, MessageEventKind.DELETED, new MessageId(4), 3, Optional.of(MESSAGE), AT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("carry no message");
    assertThatThrownBy(
            () ->
                new MessageEvent(
                    1, MessageEventKind.CREATED, new MessageId(4), 3, Optional.empty(), AT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("carry a message");
  }
}
