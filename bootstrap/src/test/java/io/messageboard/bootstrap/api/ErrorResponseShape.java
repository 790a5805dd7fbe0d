package io.messageboard.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What every error response must look like: a 4xx (never a 5xx) carrying the request id and the
 * replica, with an RFC 9457 problem document, or on the legacy paths the original system's
 * single-key body.
 */
final class ErrorResponseShape {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorResponseShape() {}

  /** Asserts the rules for any response to {@code method} on {@code target}. */
  static void check(String method, String target, RawExchange response) {
    assertThat(response.status()).as("status").isBetween(200, 499);
    assertThat(response.header("X-Request-Id")).as("X-Request-Id").isNotBlank();
    assertThat(response.header("X-Served-By")).as("X-Served-By").isNotBlank();
    if (response.status() < 400) {
      return;
    }
    String contentType = String.valueOf(response.header("Content-Type"));
    boolean legacyPath = target.equals("/") || target.startsWith("/data");
    if (legacyPath && contentType.startsWith("application/json")) {
      if (!method.equals("HEAD")) {
        assertLegacyBody(response);
      }
      return;
    }
    assertThat(contentType).as("Content-Type").startsWith("application/problem+json");
    if (!method.equals("HEAD")) {
      assertProblem(response);
    }
  }

  private static void assertProblem(RawExchange response) {
    JsonNode problem = parse(response);
    assertThat(problem.isObject()).as("problem is an object").isTrue();
    assertThat(problem.path("type").asText()).startsWith("urn:messageboard:problem:");
    assertThat(problem.path("title").isTextual()).as("title").isTrue();
    assertThat(problem.path("title").asText()).isNotBlank();
    assertThat(problem.path("status").isInt()).as("status is a number").isTrue();
    assertThat(problem.path("status").asInt()).isEqualTo(response.status());
    assertThat(problem.path("detail").isTextual()).as("detail").isTrue();
    if (problem.has("instance")) {
      assertThat(problem.path("instance").isTextual()).as("instance").isTrue();
    }
    assertThat(problem.toString()).doesNotContain("Exception", "\tat ");
  }

  private static void assertLegacyBody(RawExchange response) {
    JsonNode body = parse(response);
    assertThat(body.isObject()).as("legacy error is an object").isTrue();
    assertThat(body.size()).as("legacy error has one key").isEqualTo(1);
    String key = body.fieldNames().next();
    assertThat(key).isIn(List.of("message", "error"));
    assertThat(body.path(key).asText()).isNotBlank();
  }

  private static JsonNode parse(RawExchange response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.bodyText(), e);
    }
  }
}
