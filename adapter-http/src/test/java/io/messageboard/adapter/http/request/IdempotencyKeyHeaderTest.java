package io.messageboard.adapter.http.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyHeaderTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"8e03978e-40d5-43e8-bc93-6894a57f9324\"",
        "  \"8e03978e-40d5-43e8-bc93-6894a57f9324\"  ",
      })
  void acceptsAQuotedStructuredFieldString(String field) {
    assertThat(IdempotencyKeyHeader.parse(field).value())
        .isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"KG5LxwFBepaKHyUD", "  KG5LxwFBepaKHyUD  ", "!#$%&'()*+,-./:;<=>?@[]^_`{|}~"})
  void acceptsABareKeyOfVisibleAscii(String field) {
    assertThat(IdempotencyKeyHeader.parse(field).value()).isEqualTo(field.strip());
  }

  @Test
  void aBareKeyAndItsQuotedFormAreTheSameKey() {
    assertThat(IdempotencyKeyHeader.parse("8e03978e-40d5-43e8-bc93-6894a57f9324"))
        .isEqualTo(IdempotencyKeyHeader.parse("\"8e03978e-40d5-43e8-bc93-6894a57f9324\""));
  }

  @Test
  void unescapesQuotesAndBackslashes() {
    assertThat(IdempotencyKeyHeader.parse("\"a\\\"b\\\\c\"").value()).isEqualTo("a\"b\\c");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "two words",
        "tab\there",
        "a\"b",
        "a\\b",
        "caf\u00e9",
        "del\u007f",
        "\"\"",
        "\"",
        "\"unterminated",
        "\"a\";param=1",
        "\"a\", \"b\"",
        "\"a\\nb\"",
        "\"caf\u00e9\"",
        "\"tab\there\"",
      })
  void refusesAnythingElseAsMalformed(String field) {
    assertThatThrownBy(() -> IdempotencyKeyHeader.parse(field))
        .isInstanceOfSatisfying(
            RequestRejectedException.class,
            rejected -> {
              assertThat(rejected.reason()).isEqualTo(RequestRejectedException.Reason.MALFORMED);
              assertThat(rejected.errors())
                  .singleElement()
                  .extracting(FieldError::field)
                  .isEqualTo("Idempotency-Key");
            });
  }

  @Test
  void acceptsUpTo255CharactersAndNoMore() {
    assertThat(IdempotencyKeyHeader.parse("\"" + "k".repeat(255) + "\"").value()).hasSize(255);
    assertThatThrownBy(() -> IdempotencyKeyHeader.parse("\"" + "k".repeat(256) + "\""))
        .isInstanceOf(RequestRejectedException.class);
  }

  @Test
  void acceptsABareKeyOfUpTo255CharactersAndNoMore() {
    assertThat(IdempotencyKeyHeader.parse("k".repeat(255)).value()).hasSize(255);
    assertThatThrownBy(() -> IdempotencyKeyHeader.parse("k".repeat(256)))
        .isInstanceOfSatisfying(
            RequestRejectedException.class,
            rejected -> assertThat(rejected.getMessage()).contains("at most 255"));
  }
}
