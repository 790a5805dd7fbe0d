package io.messageboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.contract.ContractValidator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract describes the Idempotency-Key header the server takes: quoted or bare. */
class IdempotencyKeyContractTest {

  private static List<String> violations(String key) {
    return ContractValidator.parameterViolations(
        "POST", "/api/v1/messages", Map.of("Idempotency-Key", key));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"8e03978e-40d5-43e8-bc93-6894a57f9324\"",
        "\"a b\\\"c\\\\d\"",
        "KG5LxwFBepaKHyUD",
        "8e03978e-40d5-43e8-bc93-6894a57f9324",
      })
  void acceptsAQuotedOrABareKey(String key) {
    assertThat(violations(key)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", "a\"b", "a\\b", "\"unterminated", "\"\""})
  void refusesAKeyTheServerRefuses(String key) {
    assertThat(violations(key)).isNotEmpty();
  }
}
