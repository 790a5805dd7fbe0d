package io.messageboard.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What nginx itself answers: oversized bodies, floods, and paths that must not be public. */
class EdgeOfTheStackIT {

  private static final StackUnderTest STACK = StackUnderTest.fromSystemProperties();
  private final ApiClient nginx = STACK.client(STACK.baseUrl());

  @Test
  void aBodyOver64KibGetsNginxs413ProblemAndNeverReachesAReplica() {
    String text = "a".repeat(70_000);
    ApiResponse response = nginx.post("/api/v1/messages", "{\"text\": \"" + text + "\"}");

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.header("X-Served-By")).contains("nginx");
    assertProblem(response, 413, "urn:messageboard:problem:body-too-large");
    assertThat(response.json().get("instance").asText()).isEqualTo("/api/v1/messages");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/metrics", "/health/live", "/health/ready", "/adminer", "/prometheus"})
  void managementAndToolPathsAreRefusedByNginx(String path) {
    ApiResponse response = nginx.get(path);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("X-Served-By")).contains("nginx");
    assertProblem(response, 404, "urn:messageboard:problem:not-found");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/graph", "/api/v1/query?query=up", "/api/v1/targets", "/?server=db"})
  void neitherPrometheusNorAdminerAnswersOnThePublicPort(String path) {
    ApiResponse response = nginx.get(path);

    String servedBy = response.header("X-Served-By").orElseThrow();
    if (STACK.replicaNames().isEmpty()) {
      assertThat(servedBy).matches("[A-Za-z0-9._-]{1,64}");
    } else {
      assertThat(servedBy)
          .isIn(Stream.concat(STACK.replicaNames().stream(), Stream.of("nginx")).toList());
    }
    assertThat(response.text()).doesNotContain("Prometheus", "Adminer", "\"activeTargets\"");
  }

  @Test
  void aBurstOverTheRateLimitGets429ProblemsThenTheClientIsServedAgain() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    int burst = STACK.rateLimitBurst() * 3;
    List<CompletableFuture<HttpResponse<String>>> pending =
        IntStream.range(0, burst)
            .mapToObj(
                i ->
                    http.sendAsync(
                        HttpRequest.newBuilder(URI.create(STACK.baseUrl() + "/")).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)))
            .toList();
    List<HttpResponse<String>> responses = pending.stream().map(CompletableFuture::join).toList();

    List<HttpResponse<String>> limited =
        responses.stream().filter(response -> response.statusCode() == 429).toList();
    assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(200, 429));
    assertThat(limited).isNotEmpty();
    for (HttpResponse<String> response : limited) {
      ApiResponse problem =
          new ApiResponse(
              429, response.headers().map(), response.body().getBytes(StandardCharsets.UTF_8));
      assertProblem(problem, 429, "urn:messageboard:problem:too-many-requests");
      assertThat(problem.header("Retry-After")).contains("1");
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> nginx.get("/").status() == 200);
  }

  private static void assertProblem(ApiResponse response, int status, String type) {
    assertThat(response.header("Content-Type")).contains("application/problem+json");
    assertThat(response.header("X-Request-Id")).isPresent();
    JsonNode problem = response.json();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("type").asText()).isEqualTo(type);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank();
    assertThat(problem.get("requestId").asText())
        .isEqualTo(response.header("X-Request-Id").orElseThrow());
  }
}
