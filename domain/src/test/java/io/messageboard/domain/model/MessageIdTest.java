package io.messageboard.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.domain.failure.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageIdTest {

  @Test
  void spansOneToTheLargestSignedInt() {
    assertThat(MessageId.of(1).value()).isEqualTo(1);
    assertThat(MessageId.of(Integer.MAX_VALUE).value()).isEqualTo(Integer.MAX_VALUE);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, 2_147_483_648L, Long.MIN_VALUE, Long.MAX_VALUE})
  void rejectsValuesOutsideTheRange(long value) {
    assertThatThrownBy(() -> MessageId.of(value)).isInstanceOf(InvalidInputException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "0",
        "-1",
        "+1",
        " 1",
        "1 ",
        "1.5",
        "1e3",
        "0x1",
        "abc",
        "2147483648",
        "99999999999",
        "123456789012345678901234567890",
        "١"
      })
  void parsesOnlyPlainDigitsInRange(String text) {
    assertThatThrownBy(() -> MessageId.parse(text)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void parsesPlainDigits() {
    assertThat(MessageId.parse("2147483647")).isEqualTo(new MessageId(Integer.MAX_VALUE));
  }
}
