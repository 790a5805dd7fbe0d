package io.messageboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.adapter.http.contract.ContractValidator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The validator behind every HTTP test must be able to fail: these responses break the contract on
 * purpose.
 */
class ContractValidatorTest {

  private static final Map<String, List<String>> HEADERS =
      Map.of(
          "Content-Type",
          List.of("application/json"),
          "X-Request-Id",
          List.of("abc"),
          "X-Served-By",
          List.of("r1"),
          "ETag",
          List.of("\"1\""));

  private static ApiResponse response(int status, String body) {
    return new ApiResponse(status, HEADERS, body.getBytes(StandardCharsets.UTF_8));
  }

  private static final String VALID_MESSAGE =
      "{\"id\":1,\"text\":\"hi\",\"replica\":\"r1\",\"createdAt\":\"2026-01-01T00:00:00.000Z\","
          + "\"updatedAt\":\"2026-01-01T00:00:00.000Z\",\"version\":1}";

  @Test
  void acceptsAMessageThatMatchesTheContract() {
    assertThat(
            ContractValidator.violations("GET", "/api/v1/messages/1", response(200, VALID_MESSAGE)))
        .isEmpty();
  }

  @Test
  void rejectsAMessageWithoutItsVersion() {
    String body = VALID_MESSAGE.replace(",\"version\":1", "");

    assertThat(ContractValidator.violations("GET", "/api/v1/messages/1", response(200, body)))
        .isNotEmpty();
  }

  @Test
  void rejectsAMessageWithAnUndocumentedField() {
    String body = VALID_MESSAGE.replace("{", "{\"secret\":true,");

    assertThat(ContractValidator.violations("GET", "/api/v1/messages/1", response(200, body)))
        .isNotEmpty();
  }

  @Test
  void rejectsAPageWhoseNextIsNeitherStringNorNull() {
    String body = "{\"items\":[],\"next\":5}";

    assertThat(ContractValidator.violations("GET", "/api/v1/messages", response(200, body)))
        .isNotEmpty();
  }

  @Test
  void acceptsALastPageWithANullNext() {
    assertThat(
            ContractValidator.violations(
                "GET", "/api/v1/messages", response(200, "{\"items\":[],\"next\":null}")))
        .isEmpty();
  }

  @Test
  void rejectsAStatusTheOperationDoesNotDocument() {
    assertThat(
            ContractValidator.violations("GET", "/api/v1/messages/1", response(418, VALID_MESSAGE)))
        .isNotEmpty();
  }

  @Test
  void rejectsALegacyRowWithTheWrongShape() {
    assertThat(ContractValidator.violations("GET", "/data", response(200, "[[1,\"a\"]]")))
        .isNotEmpty();
    assertThat(ContractValidator.violations("GET", "/data", response(200, "[[\"1\",\"a\",\"b\"]]")))
        .isNotEmpty();
    assertThat(ContractValidator.violations("GET", "/data", response(200, "[[1,\"a\",\"b\"]]")))
        .isEmpty();
  }

  @Test
  void rejectsAResponseWithoutTheRequiredHeaders() {
    ApiResponse bare =
        new ApiResponse(
            200,
            Map.of("Content-Type", List.of("application/json")),
            VALID_MESSAGE.getBytes(StandardCharsets.UTF_8));

    assertThat(ContractValidator.violations("GET", "/api/v1/messages/1", bare)).isNotEmpty();
  }
}
