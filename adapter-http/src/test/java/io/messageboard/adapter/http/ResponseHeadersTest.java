package io.messageboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.domain.failure.MessageNotFoundException;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.StoredMessages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Headers on every answer: no MIME sniffing, no server name or version, no CORS grant, and a
 * Cache-Control that fits what was asked.
 */
class ResponseHeadersTest {

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  private final StubbedApi api = new StubbedApi(storeWithMessageOne());

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void everyKindOfAnswerForbidsSniffingAndNamesNoServer() throws IOException {
    List<ApiResponse> answers =
        List.of(
            api.client().get("/api/v1/messages/1"),
            api.client().get("/api/v1/messages/2"),
            api.client().get("/data"),
            api.client().get("/no/such/route"),
            api.client().send("PATCH", "/api/v1/messages", Map.of(), null),
            api.client().post("/api/v1/messages", "{\"text\": \"hi\"}"),
            api.client().get("/api/v1/openapi.yaml"),
            api.client().get("/api/docs/swagger-ui.css"));

    for (ApiResponse answer : answers) {
      assertThat(answer.header("X-Content-Type-Options"))
          .as("%s", answer.status())
          .hasValue("nosniff");
      assertThat(answer.header("Server")).as("%s", answer.status()).isEmpty();
    }
  }

  @Test
  void anErrorJettyAnswersBeforeRoutingForbidsSniffingAndNamesNoServer() throws IOException {
    String response = rawExchange("GET /api/v1/messages/%zz HTTP/1.1");

    assertThat(response).startsWith("HTTP/1.1 400");
    assertThat(response.toLowerCase(Locale.ROOT))
        .contains("x-content-type-options: nosniff")
        .contains("cache-control: no-store")
        .doesNotContain("\nserver:");
  }

  @Test
  void aMessageIsKeptOnlyToBeRevalidatedWithItsETag() {
    ApiResponse read = api.client().get("/api/v1/messages/1");
    ApiResponse unchanged =
        api.client().get("/api/v1/messages/1", Map.of("If-None-Match", read.header("ETag").get()));

    assertThat(read.header("Cache-Control")).hasValue("no-cache");
    assertThat(read.header("ETag")).isPresent();
    assertThat(unchanged.status()).isEqualTo(304);
    assertThat(unchanged.header("Cache-Control")).hasValue("no-cache");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/messages", "/data", "/data/1", "/", "/api/v1/openapi.yaml"})
  void readsAreRevalidatedEveryTime(String path) {
    assertThat(api.client().get(path).header("Cache-Control")).hasValue("no-cache");
  }

  @Test
  void writesAndFailuresAreNeverStored() {
    ApiResponse created = api.client().post("/api/v1/messages", "{\"text\": \"hi\"}");
    ApiResponse missing = api.client().get("/api/v1/messages/2");
    ApiResponse badLimit = api.client().get("/api/v1/messages?limit=0");
    ApiResponse unknown = api.client().get("/no/such/route");
    ApiResponse missingAsset = api.client().get("/api/docs/oauth2-redirect.html");

    assertThat(created.status()).isEqualTo(201);
    for (ApiResponse response : List.of(created, missing, badLimit, unknown, missingAsset)) {
      assertThat(response.header("Cache-Control"))
          .as("%d %s", response.status(), response.text())
          .hasValue("no-store");
    }
  }

  @Test
  void docsAssetsMayBeKeptForADay() {
    assertThat(api.client().get("/api/docs/swagger-ui.css").header("Cache-Control"))
        .hasValue("public, max-age=86400");
  }

  @Test
  void grantsNoCrossOriginAccess() {
    Map<String, String> fromElsewhere = Map.of("Origin", "https://elsewhere.example");
    ApiResponse read = api.client().get("/api/v1/messages", fromElsewhere);
    ApiResponse preflight =
        api.client()
            .send(
                "OPTIONS",
                "/api/v1/messages",
                Map.of(
                    "Origin", "https://elsewhere.example",
                    "Access-Control-Request-Method", "POST"),
                null);

    for (ApiResponse response : List.of(read, preflight)) {
      assertThat(response.headers().keySet())
          .as("%d", response.status())
          .noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"));
    }
  }

  private String rawExchange(String requestLine) throws IOException {
    URI base = URI.create(api.baseUrl());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static UseCaseStubs storeWithMessageOne() {
    UseCaseStubs stubs = UseCaseStubs.emptyStore();
    stubs.get =
        id -> {
          if (id.value() != 1) {
            throw new MessageNotFoundException(id.value());
          }
          return StoredMessages.restore(id, "hello", "stub-replica", NOW, NOW, 1);
        };
    stubs.post =
        command ->
            StoredMessages.restore(
                command.id().orElse(new MessageId(7)),
                command.text().value(),
                "stub-replica",
                NOW,
                NOW,
                1);
    return stubs;
  }
}
