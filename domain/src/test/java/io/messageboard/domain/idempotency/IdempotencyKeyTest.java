package io.messageboard.domain.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.domain.failure.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

  @ParameterizedTest
  @ValueSource(strings = {" ", "~", "a", "8e0f6c2a-7d4b-4f5e-9a1c-2b3d4e5f6a7b", "key with spaces"})
  void acceptsPrintableAscii(String value) {
    IdempotencyKey key = new IdempotencyKey(value);

    assertThat(key.value()).isEqualTo(value);
    assertThat(key).hasToString(value);
  }

  @Test
  void acceptsTheLongestKeyAndRefusesOneCharacterMore() {
    assertThat(new IdempotencyKey("k".repeat(IdempotencyKey.MAX_LENGTH)).value())
        .hasSize(IdempotencyKey.MAX_LENGTH);
    assertThatThrownBy(() -> new IdempotencyKey("k".repeat(IdempotencyKey.MAX_LENGTH + 1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at most 255");
  }

  @Test
  void refusesAnEmptyKey() {
    assertThatThrownBy(() -> new IdempotencyKey(""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u001f", "\u007f", "caf\u00e9", "line\nbreak", "tab\there"})
  void refusesCharactersOutsidePrintableAscii(String value) {
    assertThatThrownBy(() -> new IdempotencyKey(value))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("printable ASCII");
  }
}
