package io.messageboard.adapter.http.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.legacy.LegacyRoutes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A raw HTTP client for tests that checks every response it receives: against the OpenAPI contract
 * where the contract has the operation, as problem+json where it does not, and never a 500.
 */
public final class ApiClient {

  public static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  private final String base;
  private final Map<String, String> everyRequest;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public ApiClient(String base) {
    this(base, Map.of());
  }

  private ApiClient(String base, Map<String, String> everyRequest) {
    this.base = base;
    this.everyRequest = Map.copyOf(everyRequest);
  }

  /** A client that sends {@code Authorization: Bearer <token>} with every request. */
  public ApiClient withBearerToken(String token) {
    return new ApiClient(base, Map.of("Authorization", "Bearer " + token));
  }

  public ApiResponse get(String path) {
    return send("GET", path, Map.of(), null);
  }

  public ApiResponse get(String path, Map<String, String> headers) {
    return send("GET", path, headers, null);
  }

  public ApiResponse post(String path, String json) {
    return send("POST", path, JSON, json.getBytes(StandardCharsets.UTF_8));
  }

  public ApiResponse put(String path, String json) {
    return send("PUT", path, JSON, json.getBytes(StandardCharsets.UTF_8));
  }

  public ApiResponse put(String path, String json, String ifMatch) {
    return send(
        "PUT",
        path,
        Map.of("Content-Type", "application/json", "If-Match", ifMatch),
        json.getBytes(StandardCharsets.UTF_8));
  }

  public ApiResponse delete(String path) {
    return send("DELETE", path, Map.of(), null);
  }

  public ApiResponse delete(String path, String ifMatch) {
    return send("DELETE", path, Map.of("If-Match", ifMatch), null);
  }

  public ApiResponse send(
      String method, String pathAndQuery, Map<String, String> headers, byte @Nullable [] body) {
    ApiResponse response = sendUnchecked(method, pathAndQuery, headers, body);
    check(method, pathAndQuery, response);
    return response;
  }

  /** Sends without checking the response; only for tests that provoke a bug on purpose. */
  public ApiResponse sendUnchecked(
      String method, String pathAndQuery, Map<String, String> headers, byte @Nullable [] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    everyRequest.forEach(request::header);
    headers.forEach(request::header);
    ApiResponse response;
    try {
      HttpResponse<byte[]> raw =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      response = new ApiResponse(raw.statusCode(), raw.headers().map(), raw.body());
    } catch (IOException e) {
      throw new AssertionError(method + " " + pathAndQuery + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    return response;
  }

  private static void check(String method, String pathAndQuery, ApiResponse response) {
    String path = pathAndQuery.split("\\?", 2)[0];
    assertThat(response.status())
        .as("%s %s never answers 500: %s", method, path, response.text())
        .isNotEqualTo(500);
    if (method.equals("HEAD")) {
      checkHead(path, response);
      return;
    }
    if (ResponseBodySchemas.documented(method, path).isEmpty()) {
      checkUndocumented(path, response);
      return;
    }
    assertThat(ContractValidator.violations(method, path, response))
        .as(
            "%s %s → %d %s conforms to the contract",
            method, path, response.status(), response.text())
        .isEmpty();
  }

  // HEAD is answered wherever GET is, with GET's status and headers and no body (RFC 9110, 9.3.2).
  private static void checkHead(String path, ApiResponse response) {
    assertThat(response.body()).as("HEAD has no body").isEmpty();
    assertThat(response.header("X-Request-Id")).isPresent();
    assertThat(response.header("X-Served-By")).isPresent();
    ResponseBodySchemas.documented("GET", path)
        .ifPresentOrElse(
            get ->
                assertThat(get.path("responses").has(Integer.toString(response.status())))
                    .as("HEAD %s answers a status GET documents: %d", path, response.status())
                    .isTrue(),
            () -> assertThat(response.status()).as("HEAD on an unknown route").isIn(404, 405));
  }

  private static void checkUndocumented(String path, ApiResponse response) {
    assertThat(response.status())
        .as("only unknown routes and methods are missing from the contract")
        .isIn(404, 405);
    if (LegacyRoutes.owns(path)) {
      assertThat(response.json().path("message").isTextual()).as("legacy-shaped error").isTrue();
      return;
    }
    assertThat(response.header("Content-Type")).hasValue("application/problem+json");
    assertThat(response.json().path("status").asInt()).isEqualTo(response.status());
  }
}
