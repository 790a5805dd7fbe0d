package io.messageboard.domain.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientScopeTest {

  @ParameterizedTest
  @ValueSource(strings = {"anonymous", "legacy", "0", "3f9a0c1de2b4a6f80917c3e5d7b9a1c2", "a-b"})
  void acceptsLowerCaseLettersDigitsAndHyphens(String value) {
    assertThat(new ClientScope(value).value()).isEqualTo(value);
  }

  @Test
  void acceptsTheLongestScopeAndRefusesOneCharacterMore() {
    assertThat(new ClientScope("a".repeat(ClientScope.MAX_LENGTH)).value())
        .hasSize(ClientScope.MAX_LENGTH);
    assertThatThrownBy(() -> new ClientScope("a".repeat(ClientScope.MAX_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 64");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Anonymous", "a b", "a_b", "token/with+slash="})
  void refusesAnythingElse(String value) {
    assertThatThrownBy(() -> new ClientScope(value)).isInstanceOf(IllegalArgumentException.class);
  }

  // Null on purpose: callers without nullness checks get a clear failure.
  @SuppressWarnings("NullAway")
  @Test
  void refusesNull() {
    assertThatThrownBy(() -> new ClientScope(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theAnonymousScopeIsOneFixedScope() {
    assertThat(ClientScope.ANONYMOUS).isEqualTo(new ClientScope("anonymous"));
  }
}
