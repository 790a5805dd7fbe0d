package io.messageboard.domain.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordedResponseTest {

  @ParameterizedTest
  @ValueSource(ints = {100, 201, 599})
  void keepsAnyHttpStatus(int status) {
    assertThat(new RecordedResponse(status, Map.of(), "").status()).isEqualTo(status);
  }

  @ParameterizedTest
  @ValueSource(ints = {99, 600, 0, -201})
  void refusesWhatIsNotAnHttpStatus(int status) {
    assertThatThrownBy(() -> new RecordedResponse(status, Map.of(), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an HTTP status");
  }

  @Test
  void givesItsHeadersInNameOrder() {
    RecordedResponse response =
        new RecordedResponse(
            201,
            Map.of("Location", "/api/v1/messages/1", "ETag", "\"1\"", "Content-Type", "x"),
            "{}");

    assertThat(List.copyOf(response.sortedHeaders().keySet()))
        .containsExactly("Content-Type", "ETag", "Location");
    assertThat(response.sortedHeaders()).containsEntry("Location", "/api/v1/messages/1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\rb", "a\nb", "\r\n"})
  void refusesAHeaderValueThatIsNotOneLine(String value) {
    assertThatThrownBy(() -> new RecordedResponse(201, Map.of("ETag", value), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ETag");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "X\nInjected", "X\r"})
  void refusesAHeaderNameThatIsEmptyOrNotOneLine(String name) {
    assertThatThrownBy(() -> new RecordedResponse(201, Map.of(name, "v"), ""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
