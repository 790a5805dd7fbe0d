package io.messageboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.contract.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdentityTest {

  private final StubbedApi api = new StubbedApi(StubbedApi.emptyStore());

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void echoesASaneRequestIdAndNamesTheReplica() {
    ApiResponse response =
        api.client().get("/api/v1/messages", Map.of("X-Request-Id", "trace-42.a:b_c"));

    assertThat(response.header("X-Request-Id")).hasValue("trace-42.a:b_c");
    assertThat(response.header("X-Served-By")).hasValue("stub-replica");
  }

  @ParameterizedTest
  @ValueSource(strings = {"has space", "semi;colon", "<script>", "é"})
  void replacesAnInsaneRequestIdWithAFreshOne(String insane) {
    ApiResponse response = api.client().get("/api/v1/messages", Map.of("X-Request-Id", insane));

    assertThat(response.header("X-Request-Id"))
        .get()
        .asString()
        .isNotEqualTo(insane)
        .matches("[0-9a-f-]{36}");
  }

  @Test
  void replacesAnOverlongRequestId() {
    ApiResponse response =
        api.client().get("/api/v1/messages", Map.of("X-Request-Id", "a".repeat(129)));

    assertThat(response.header("X-Request-Id")).get().asString().hasSize(36);
  }

  @Test
  void generatesARequestIdWhenNoneIsSentAndPutsItInProblems() {
    ApiResponse response = api.client().get("/api/v1/messages/3");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().path("requestId").asText())
        .isEqualTo(response.header("X-Request-Id").orElseThrow());
  }

  @Test
  void identifiesErrorResponsesToo() {
    ApiResponse unknown = api.client().get("/no/such/route");
    ApiResponse wrongMethod = api.client().send("PATCH", "/api/v1/messages", Map.of(), null);
    ApiResponse unsupported =
        api.client()
            .send(
                "POST",
                "/api/v1/messages",
                Map.of("Content-Type", "text/plain"),
                "x".getBytes(StandardCharsets.UTF_8));

    for (ApiResponse response : new ApiResponse[] {unknown, wrongMethod, unsupported}) {
      assertThat(response.header("X-Request-Id")).isPresent();
      assertThat(response.header("X-Served-By")).hasValue("stub-replica");
    }
  }
}
