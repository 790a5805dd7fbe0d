package io.messageboard.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.domain.failure.InvalidInputException;
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
}
