package io.messageboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.auth.BearerTokens;
import io.messageboard.adapter.http.auth.ClientScopes;
import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.domain.idempotency.ClientScope;
import io.messageboard.domain.idempotency.PostOutcome;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.StoredMessages;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With tokens configured, writes on both APIs need one of them as a bearer token and are refused
 * before any use case runs; reads stay public.
 */
class WriteAuthorizationTest {

  private static final String TOKEN = "write-token-0123456789abcdef";
  private static final String NEXT_TOKEN = "rotated-token-fedcba9876543210";
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  private final AtomicInteger useCaseCalls = new AtomicInteger();
  private final List<ClientScope> scopes = new CopyOnWriteArrayList<>();
  private final StubbedApi api =
      new StubbedApi(countingWrites(), BearerTokens.of(List.of(TOKEN, NEXT_TOKEN)));

  @AfterEach
  void stop() {
    api.close();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "POST, /api/v1/messages, '{\"text\": \"hi\"}'",
    "PUT, /api/v1/messages/1, '{\"text\": \"hi\"}'",
    "DELETE, /api/v1/messages/1, ''"
  })
  void refusesAV1WriteWithoutATokenWith401AndABearerChallenge(
      String method, String path, String body) {
    ApiResponse response = write(method, path, body, Map.of());

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).hasValue("Bearer realm=\"messageboard\"");
    assertThat(response.header("Content-Type")).hasValue("application/problem+json");
    assertThat(response.json().path("type").asText())
        .isEqualTo("urn:messageboard:problem:unauthorized");
    assertThat(useCaseCalls).hasValue(0);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "POST, /data, '{\"clid\": 5, \"mess\": \"hi\"}'",
    "PUT, /data/5, '{\"mess\": \"hi\"}'",
    "DELETE, /data/5, ''"
  })
  void refusesALegacyWriteWithoutATokenInTheLegacyShape(String method, String path, String body) {
    ApiResponse response = write(method, path, body, Map.of());

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).hasValue("Bearer realm=\"messageboard\"");
    assertThat(response.json().path("message").asText()).contains("bearer token");
    assertThat(useCaseCalls).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bearer wrong-token-0123456789abcdef",
        "Bearer write-token-0123456789abcde",
        "Bearer ",
        "Bearer write-token-0123456789abcdef, Bearer x"
      })
  void refusesAWrongTokenAsInvalid(String authorization) {
    ApiResponse response =
        write(
            "POST",
            "/api/v1/messages",
            "{\"text\": \"hi\"}",
            Map.of("Authorization", authorization));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate"))
        .hasValue("Bearer realm=\"messageboard\", error=\"invalid_token\"");
    assertThat(response.text()).doesNotContain("write-token");
    assertThat(useCaseCalls).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Basic d3JpdGU6dG9rZW4=", "write-token-0123456789abcdef", "Token x"})
  void treatsAnotherSchemeAsNoToken(String authorization) {
    ApiResponse response =
        write(
            "POST",
            "/data",
            "{\"clid\": 5, \"mess\": \"hi\"}",
            Map.of("Authorization", authorization));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).hasValue("Bearer realm=\"messageboard\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer " + TOKEN, "bearer " + TOKEN, "BEARER " + NEXT_TOKEN})
  void letsAWriteWithAnAcceptedTokenThrough(String authorization) {
    ApiResponse response =
        write(
            "POST",
            "/api/v1/messages",
            "{\"text\": \"hi\"}",
            Map.of("Authorization", authorization));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.header("WWW-Authenticate")).isEmpty();
    assertThat(useCaseCalls).hasValue(1);
  }

  @Test
  void letsLegacyWritesWithATokenThrough() {
    Map<String, String> auth = Map.of("Authorization", "Bearer " + TOKEN);

    assertThat(write("POST", "/data", "{\"clid\": 5, \"mess\": \"hi\"}", auth).status())
        .isEqualTo(201);
    assertThat(write("DELETE", "/data/5", "", auth).status()).isEqualTo(200);
    assertThat(useCaseCalls).hasValue(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/api/v1/messages", "/api/v1/messages/1", "/", "/data", "/data/1", "/api/docs"})
  void keepsReadsPublic(String path) {
    ApiResponse response = api.client().get(path);

    assertThat(response.status()).isNotEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).isEmpty();
  }

  @Test
  void keepsUnknownRoutesAndMethodsAs404And405() {
    assertThat(write("POST", "/no/such/route", "{}", Map.of()).status()).isEqualTo(404);
    assertThat(write("PUT", "/api/v1/messages", "{}", Map.of()).status()).isEqualTo(405);
  }

  @Test
  void takesWritesFromAnyoneWithoutTokens() {
    try (StubbedApi open = new StubbedApi(countingWrites(), BearerTokens.none())) {
      ApiResponse response = open.client().post("/api/v1/messages", "{\"text\": \"hi\"}");

      assertThat(response.status()).isEqualTo(201);
      assertThat(useCaseCalls).hasValue(1);
    }
  }

  @Test
  void givesAKeyedPostTheScopeOfItsTokenSoThatEachTokenHasKeysOfItsOwn() {
    for (String token : List.of(TOKEN, NEXT_TOKEN, TOKEN)) {
      ApiResponse response =
          api.client()
              .send(
                  "POST",
                  "/api/v1/messages",
                  Map.of(
                      "Content-Type", "application/json",
                      "Authorization", "Bearer " + token,
                      "Idempotency-Key", "\"same-key\""),
                  "{\"text\": \"hi\"}".getBytes(StandardCharsets.UTF_8));
      assertThat(response.status()).isEqualTo(201);
    }

    assertThat(scopes)
        .containsExactly(
            ClientScopes.ofToken(TOKEN),
            ClientScopes.ofToken(NEXT_TOKEN),
            ClientScopes.ofToken(TOKEN))
        .doesNotContain(ClientScope.ANONYMOUS);
  }

  @Test
  void givesEveryKeyedPostTheAnonymousScopeWithoutTokens() {
    try (StubbedApi open = new StubbedApi(countingWrites(), BearerTokens.none())) {
      ApiResponse response =
          open.client()
              .send(
                  "POST",
                  "/api/v1/messages",
                  Map.of("Content-Type", "application/json", "Idempotency-Key", "\"k\""),
                  "{\"text\": \"hi\"}".getBytes(StandardCharsets.UTF_8));

      assertThat(response.status()).isEqualTo(201);
      assertThat(scopes).containsExactly(ClientScope.ANONYMOUS);
    }
  }

  private ApiResponse write(String method, String path, String body, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(headers);
    if (!body.isEmpty()) {
      all.put("Content-Type", "application/json");
    }
    return api.client()
        .send(method, path, all, body.isEmpty() ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  private UseCaseStubs countingWrites() {
    UseCaseStubs stubs = UseCaseStubs.emptyStore();
    stubs.post =
        command -> {
          useCaseCalls.incrementAndGet();
          MessageId id = command.id().orElse(new MessageId(7));
          return StoredMessages.restore(id, command.text().value(), "stub-replica", NOW, NOW, 1);
        };
    stubs.delete = command -> useCaseCalls.incrementAndGet();
    stubs.postOnce =
        command -> {
          scopes.add(command.scope());
          Message created =
              StoredMessages.restore(new MessageId(8), "hi", "stub-replica", NOW, NOW, 1);
          return new PostOutcome(created, false);
        };
    return stubs;
  }
}
