package io.messageboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.contract.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoutingFailuresTest {

  private final StubbedApi api = new StubbedApi(StubbedApi.emptyStore());

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void answersAnUnknownRouteWith404Problem() {
    ApiResponse response = api.client().get("/api/v2/messages");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).hasValue("application/problem+json");
    assertThat(response.json().path("type").asText())
        .isEqualTo("urn:messageboard:problem:not-found");
    assertThat(response.json().path("instance").asText()).isEqualTo("/api/v2/messages");
  }

  @Test
  void answersAWrongMethodWith405ProblemListingTheAllowedOnes() {
    ApiResponse response = api.client().send("PATCH", "/api/v1/messages/1", Map.of(), null);

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.header("Content-Type")).hasValue("application/problem+json");
    assertThat(response.header("Allow")).get().asString().contains("GET", "PUT", "DELETE");
  }

  @Test
  void answersAWrongMethodOnTheLegacyApiInTheOriginalShape() {
    ApiResponse response = api.client().send("PATCH", "/data", Map.of(), null);

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.json().has("message")).isTrue();
  }

  @Test
  void answersABugWith500ProblemWithoutLeakingTheStackTrace() {
    ApiResponse response =
        api.client()
            .sendUnchecked(
                "POST",
                "/api/v1/messages",
                Map.of("Content-Type", "application/json"),
                "{\"text\": \"boom\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.header("Content-Type")).hasValue("application/problem+json");
    assertThat(response.text()).doesNotContain("Exception", "at io.", "UnsupportedOperation");
  }
}
