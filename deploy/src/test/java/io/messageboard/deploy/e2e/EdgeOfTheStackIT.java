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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What nginx itself answers: oversized bodies, floods, and paths that must not be public; each
 * answer in the shape of the API the path belongs to, never sniffed, never cached, without nginx's
 * version.
 */
class EdgeOfTheStackIT {

  private static final StackUnderTest STACK = StackUnderTest.fromSystemProperties();
  // Two reads that need no database: the contract on the v1 API, the greeting on the legacy one.
  private static final String V1_READ = "/api/v1/openapi.yaml";
  private static final String LEGACY_READ = "/";
  private final ApiClient nginx = STACK.client(STACK.baseUrl());

  @Test
  void aBodyOver64KibGetsNginxs413ProblemAndNeverReachesAReplica() {
    ApiResponse response = postOver64Kib("/api/v1/messages", "{\"text\": \"%s\"}");

    assertProblem(response, 413, "urn:messageboard:problem:body-too-large");
    assertThat(response.json().get("instance").asText()).isEqualTo("/api/v1/messages");
  }

  @Test
  void aBodyOver64KibOnTheLegacyApiGetsNginxs413InTheLegacyShape() {
    ApiResponse response = postOver64Kib("/data", "{\"clid\": 1, \"mess\": \"%s\"}");

    assertLegacyError(response);
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
  void aBurstOverTheRateLimitGets429sInEachApisShapeThenTheClientIsServedAgain() {
    // The first burst opens one connection per request, hundreds of TLS handshakes at once
    // (through docker-proxy on compose): on two busy cores some take longer than 5 s to connect.
    // What is tested is nginx's answer, not how fast a crowd of handshakes completes.
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(60)).build();
    // Over HTTPS the first burst's handshakes spread it out; later bursts reuse the connections
    // the client keeps, so at most a few are needed until both shapes have been limited.
    List<HttpResponse<String>> responses = new ArrayList<>();
    for (int round = 0;
        round < 5
            && (limited(responses, V1_READ).isEmpty() || limited(responses, LEGACY_READ).isEmpty());
        round++) {
      responses.addAll(burst(http, STACK.rateLimitBurst() * 3));
    }

    assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(200, 429));
    List<ApiResponse> v1Limited = limited(responses, V1_READ);
    List<ApiResponse> legacyLimited = limited(responses, LEGACY_READ);
    assertThat(v1Limited).isNotEmpty();
    assertThat(legacyLimited).isNotEmpty();
    for (ApiResponse problem : v1Limited) {
      assertProblem(problem, 429, "urn:messageboard:problem:too-many-requests");
      assertThat(problem.header("Retry-After")).contains("1");
    }
    for (ApiResponse legacy : legacyLimited) {
      assertLegacyError(legacy);
      assertThat(legacy.header("Retry-After")).contains("1");
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> nginx.get("/").status() == 200);
  }

  private static List<HttpResponse<String>> burst(HttpClient http, int requests) {
    List<CompletableFuture<HttpResponse<String>>> pending =
        IntStream.range(0, requests)
            .mapToObj(
                i ->
                    http.sendAsync(
                        HttpRequest.newBuilder(
                                URI.create(STACK.baseUrl() + (i % 2 == 0 ? V1_READ : LEGACY_READ)))
                            .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)))
            .toList();
    return pending.stream().map(CompletableFuture::join).toList();
  }

  private ApiResponse postOver64Kib(String path, String jsonAroundText) {
    ApiResponse response = nginx.post(path, jsonAroundText.formatted("a".repeat(70_000)));
    assertThat(response.status()).isEqualTo(413);
    return response;
  }

  private static List<ApiResponse> limited(List<HttpResponse<String>> responses, String path) {
    return responses.stream()
        .filter(response -> response.statusCode() == 429)
        .filter(response -> response.request().uri().getPath().equals(path))
        .map(
            response ->
                new ApiResponse(
                    429,
                    response.headers().map(),
                    response.body().getBytes(StandardCharsets.UTF_8)))
        .toList();
  }

  private static void assertLegacyError(ApiResponse response) {
    assertThat(response.header("Content-Type")).contains("application/json");
    assertAnsweredByNginxSafely(response);
    JsonNode body = response.json();
    assertThat(body.size()).isEqualTo(1);
    assertThat(body.get("message").asText()).isNotBlank();
  }

  private static void assertAnsweredByNginxSafely(ApiResponse response) {
    assertThat(response.header("X-Served-By")).contains("nginx");
    assertThat(response.header("X-Request-Id")).isPresent();
    assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
    assertThat(response.header("Cache-Control")).contains("no-store");
    response.header("Server").ifPresent(server -> assertThat(server).doesNotContainPattern("\\d"));
  }

  private static void assertProblem(ApiResponse response, int status, String type) {
    assertThat(response.header("Content-Type")).contains("application/problem+json");
    assertAnsweredByNginxSafely(response);
    JsonNode problem = response.json();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("type").asText()).isEqualTo(type);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank();
    assertThat(problem.get("requestId").asText())
        .isEqualTo(response.header("X-Request-Id").orElseThrow());
  }
}
