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

  private static Message withText(int id, String text) {
    return StoredMessages.restore(new MessageId(id), text, "r", AT, AT, 1);
  }

  @Test
  void takesNoRowOnceTheTextsBeforeItReachTheBudget() {
    String third = "a".repeat(MessagePage.TEXT_BUDGET_BYTES / 3);
    List<Message> rows =
        List.of(
            withText(1, third), withText(2, third), withText(3, third + "ab"), withText(4, "x"));

    MessagePage page = MessagePage.fromLookahead(rows, 10);

    assertThat(page.items())
        .extracting(Message::id)
        .extracting(MessageId::value)
        .containsExactly(1, 2, 3);
    assertThat(page.nextAfter()).contains(new MessageId(3));
  }

  @Test
  void takesTheRowThatReachesTheBudgetWhenTheTextsBeforeItAreJustUnder() {
    String justUnder = "a".repeat(MessagePage.TEXT_BUDGET_BYTES - 1);

    MessagePage page =
        MessagePage.fromLookahead(List.of(withText(1, justUnder), withText(2, "bc")), 10);

    assertThat(page.items()).hasSize(2);
    assertThat(page.nextAfter()).isEmpty();
  }

  @Test
  void takesNoRowOnceTheTextsBeforeItComeToExactlyTheBudget() {
    String exactly = "a".repeat(MessagePage.TEXT_BUDGET_BYTES);

    MessagePage page =
        MessagePage.fromLookahead(List.of(withText(1, exactly), withText(2, "b")), 10);

    assertThat(page.items()).extracting(Message::id).containsExactly(new MessageId(1));
    assertThat(page.nextAfter()).contains(new MessageId(1));
  }

  @Test
  void alwaysTakesTheFirstRowHoweverLongItsText() {
    String huge = "a".repeat(MessagePage.TEXT_BUDGET_BYTES * 2);

    MessagePage page = MessagePage.fromLookahead(List.of(withText(1, huge), withText(2, "b")), 10);

    assertThat(page.items()).extracting(Message::id).containsExactly(new MessageId(1));
    assertThat(page.nextAfter()).contains(new MessageId(1));
  }

  @Test
  void aPageAStoreEndedBeforeARowItReadStartsTheNextAfterItsLastRow() {
    MessagePage page = MessagePage.ofKept(rows(1, 2), true);

    assertThat(page.items()).hasSize(2);
    assertThat(page.nextAfter()).contains(new MessageId(2));
  }

  @Test
  void aPageAStoreEndedWithItsLastRowIsTheLast() {
    assertThat(MessagePage.ofKept(rows(1, 2), false).nextAfter()).isEmpty();
    assertThat(MessagePage.ofKept(List.of(), true).nextAfter()).isEmpty();
  }

  @Test
  void countsTextInUtf8AsMariaDbDoes() {
    assertThat(MessagePage.utf8Bytes("a")).isEqualTo(1);
    assertThat(MessagePage.utf8Bytes("\u00e9")).isEqualTo(2);
    assertThat(MessagePage.utf8Bytes("\u20ac")).isEqualTo(3);
    assertThat(MessagePage.utf8Bytes("\uD83D\uDE00")).isEqualTo(4);
    assertThat(MessagePage.utf8Bytes("a\u00e9\u20ac\uD83D\uDE00")).isEqualTo(10);
  }

  @Test
  void countsEachUtf8LengthUpToItsLastCodeUnit() {
    assertThat(MessagePage.utf8Bytes("\u007f")).isEqualTo(1);
    assertThat(MessagePage.utf8Bytes("\u0080")).isEqualTo(2);
    assertThat(MessagePage.utf8Bytes("\u07ff")).isEqualTo(2);
    assertThat(MessagePage.utf8Bytes("\u0800")).isEqualTo(3);
  }

  @Test
  void countsAnUnpairedSurrogateAsThreeBytes() {
    assertThat(MessagePage.utf8Bytes("\uD83D")).isEqualTo(3);
    assertThat(MessagePage.utf8Bytes("\uD83Da")).isEqualTo(4);
    assertThat(MessagePage.utf8Bytes("\uDE00\uD83D")).isEqualTo(6);
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
