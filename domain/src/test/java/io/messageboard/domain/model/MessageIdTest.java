package io.messageboard.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.domain.failure.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageIdTest {

  @Test
  void newMessagesSpanOneToTheLargestSignedInt() {
    assertThat(MessageId.forNewMessage(1).value()).isEqualTo(1);
    assertThat(MessageId.forNewMessage(Integer.MAX_VALUE).value()).isEqualTo(Integer.MAX_VALUE);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, 2_147_483_648L, Long.MIN_VALUE, Long.MAX_VALUE})
  void refusesNewMessageIdsOutsideTheRange(long value) {
    assertThatThrownBy(() -> MessageId.forNewMessage(value))
        .isInstanceOf(InvalidInputException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void storedIdsBelowOneExistButAreNotValidForNewMessages(int value) {
    MessageId adopted = new MessageId(value);

    assertThat(adopted.value()).isEqualTo(value);
    assertThat(adopted.isValidForNewMessage()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-",
        "--1",
        "+1",
        " 1",
        "1 ",
        "1.5",
        "1e3",
        "0x1",
        "abc",
        "2147483648",
        "-2147483649",
        "99999999999",
        "123456789012345678901234567890",
        "١"
      })
  void parsesOnlyPlainIntegersInTheStoredRange(String text) {
    assertThatThrownBy(() -> MessageId.parse(text)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void parsesTheWholeStoredRange() {
    assertThat(MessageId.parse("2147483647")).isEqualTo(new MessageId(Integer.MAX_VALUE));
    assertThat(MessageId.parse("0")).isEqualTo(new MessageId(0));
    assertThat(MessageId.parse("-7")).isEqualTo(new MessageId(-7));
    assertThat(MessageId.parse("-2147483648")).isEqualTo(new MessageId(Integer.MIN_VALUE));
  }

  @Test
  void oneIsTheLowestIdANewMessageMayTake() {
    assertThat(new MessageId(1).isValidForNewMessage()).isTrue();
    assertThat(new MessageId(Integer.MAX_VALUE).isValidForNewMessage()).isTrue();
  }

  @Test
  void parsesEveryDecimalDigit() {
    assertThat(MessageId.parse("1234567890")).isEqualTo(new MessageId(1_234_567_890));
    assertThat(MessageId.parse("-987654321")).isEqualTo(new MessageId(-987_654_321));
    assertThat(MessageId.parse("9")).isEqualTo(new MessageId(9));
  }

  @Test
  void ordersByNumericValueIncludingAdoptedNegativeIds() {
    List<MessageId> ids =
        new ArrayList<>(List.of(new MessageId(10), new MessageId(-3), new MessageId(2)));

    Collections.sort(ids);

    assertThat(ids).containsExactly(new MessageId(-3), new MessageId(2), new MessageId(10));
    assertThat(new MessageId(4).compareTo(new MessageId(4))).isZero();
  }

  @Test
  void printsAsTheDecimalFormThatParsesBack() {
    assertThat(new MessageId(-42)).hasToString("-42");
    assertThat(MessageId.parse(new MessageId(2_000_000_001).toString()).value())
        .isEqualTo(2_000_000_001);
  }
}
