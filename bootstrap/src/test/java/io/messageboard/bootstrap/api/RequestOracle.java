package io.messageboard.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The oracle for requests made up by a generator or a fuzzer, sent to a running service: never a
 * 5xx, every error well formed (problem+json, or the original body on the legacy paths), and a
 * refused request, or a read, leaves every stored message as it was. Message 1 exists before each
 * request, so that edits and deletes have something to refuse or change.
 */
final class RequestOracle implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A request; {@link #toString} shows it in a failure report. */
  // The body is shown, never compared.
  @SuppressWarnings("ArrayRecordComponent")
  record Request(
      String method, String target, Map<String, String> headers, byte @Nullable [] body) {
    @Override
    public String toString() {
      return method
          + " "
          + target
          + " "
          + headers
          + (body == null ? "" : " body=" + new String(body, StandardCharsets.ISO_8859_1));
    }
  }

  private final ApiServer server;

  private RequestOracle(ApiServer server) {
    this.server = server;
  }

  /** The oracle over a service of its own, in memory; close it to stop the service. */
  static RequestOracle againstAnInMemoryService() {
    return new RequestOracle(ApiServer.inMemory());
  }

  /** The service's API port, on loopback. */
  int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
  }

  void sendAndCheck(Request request) {
    ensureMessageOneExists();
    List<JsonNode> before = storedMessages();
    RawExchange response =
        RawExchange.send(
            server.port(),
            RawExchange.head(request.method(), request.target(), request.headers()),
            request.body());
    ErrorResponseShape.check(request.method(), request.target(), response);
    if (response.status() >= 400
        || request.method().equals("GET")
        || request.method().equals("HEAD")) {
      assertThat(storedMessages())
          .as("stored messages after " + response.status() + " to " + request)
          .isEqualTo(before);
    }
  }

  private void ensureMessageOneExists() {
    RawExchange one =
        RawExchange.send(server.port(), RawExchange.head("GET", "/data/1", Map.of()), null);
    if (one.status() == 404) {
      RawExchange created =
          RawExchange.send(
              server.port(),
              RawExchange.head(
                  "POST", "/api/v1/messages", Map.of("Content-Type", "application/json")),
              "{\"id\": 1, \"text\": \"message one\"}".getBytes(StandardCharsets.UTF_8));
      assertThat(created.status()).isEqualTo(201);
    }
  }

  private List<JsonNode> storedMessages() {
    List<JsonNode> all = new ArrayList<>();
    String next = "/api/v1/messages?limit=500";
    while (next != null) {
      RawExchange page =
          RawExchange.send(server.port(), RawExchange.head("GET", next, Map.of()), null);
      assertThat(page.status()).isEqualTo(200);
      try {
        JsonNode json = JSON.readTree(page.body());
        json.path("items").forEach(all::add);
        next = json.path("next").isTextual() ? json.path("next").asText() : null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all;
  }
}
