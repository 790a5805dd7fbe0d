package io.messageboard.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.domain.failure.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplicaIdTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "api-1",
        "host.example_2",
        "0123456789012345678901234567890123456789012345678901234567890123"
      })
  void acceptsOneToSixtyFourSafeCharacters(String value) {
    assertThat(new ReplicaId(value).value()).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "has space",
        "semi;colon",
        "é",
        "01234567890123456789012345678901234567890123456789012345678901234"
      })
  void rejectsAnythingElse(String value) {
    assertThatThrownBy(() -> new ReplicaId(value)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void printsAsItsName() {
    assertThat(new ReplicaId("api-2")).hasToString("api-2");
  }
}
