package io.messageboard.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MessagePageTest {

  private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

  private static List<Message> rows(int... ids) {
    return IntStream.of(ids)
        .mapToObj(id -> StoredMessages.restore(new MessageId(id), "m" + id, "r", AT, AT, 1))
        .toList();
  }

  @Test
  void fewerRowsThanTheLimitMakeTheLastPage() {
    MessagePage page = MessagePage.fromLookahead(rows(4, 7), 3);

    assertThat(page.items())
        .extracting(Message::id)
        .containsExactly(new MessageId(4), new MessageId(7));
    assertThat(page.nextAfter()).isEmpty();
  }

  @Test
  void exactlyTheLimitOfRowsIsStillTheLastPage() {
    MessagePage page = MessagePage.fromLookahead(rows(4, 7, 9), 3);

    assertThat(page.items()).hasSize(3);
    assertThat(page.nextAfter()).isEmpty();
  }

  @Test
  void theLookaheadRowIsLeftOutAndTheNextPageStartsAfterTheLastItem() {
    MessagePage page = MessagePage.fromLookahead(rows(4, 7, 9, 12), 3);

    assertThat(page.items())
        .extracting(Message::id)
        .containsExactly(new MessageId(4), new MessageId(7), new MessageId(9));
    assertThat(page.nextAfter()).contains(new MessageId(9));
  }

  @Test
  void noRowsMakeAnEmptyLastPage() {
    MessagePage page = MessagePage.fromLookahead(List.of(), 1);

    assertThat(page.items()).isEmpty();
    assertThat(page.nextAfter()).isEmpty();
  }

  @Test
  void keepsItsOwnCopyOfTheItems() {
    List<Message> rows = new ArrayList<>(rows(1));
    MessagePage page = MessagePage.fromLookahead(rows, 5);

    rows.clear();

    assertThat(page.items()).hasSize(1);
  }
}
