package io.messageboard.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The stack takes writes only with its generated bearer token: through nginx, a write without one
 * (or with a wrong one) is refused with 401 and changes nothing, while reads need no token.
 */
class WriteAuthorizationThroughNginxIT {

  private static final StackUnderTest STACK = StackUnderTest.fromSystemProperties();
  private static final String CHALLENGE = "Bearer realm=\"messageboard\"";

  private final ApiClient anonymous = new ApiClient(STACK.baseUrl());
  private final ApiClient writer = STACK.client(STACK.baseUrl());
  private final int id = ThreadLocalRandom.current().nextInt(1_000_000, 2_000_000_000);

  @Test
  void aV1PostWithoutATokenIsRefusedAndStoresNothing() {
    ApiResponse refused =
        anonymous.post("/api/v1/messages", "{\"id\": " + id + ", \"text\": \"anonymous\"}");

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("WWW-Authenticate")).hasValue(CHALLENGE);
    assertThat(refused.header("Content-Type")).hasValue("application/problem+json");
    assertThat(anonymous.get("/api/v1/messages/" + id).status()).isEqualTo(404);
  }

  @Test
  void aLegacyPostWithoutATokenIsRefusedInTheOriginalShapeAndStoresNothing() {
    ApiResponse refused =
        anonymous.post("/data", "{\"clid\": " + id + ", \"mess\": \"anonymous\"}");

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("WWW-Authenticate")).hasValue(CHALLENGE);
    assertThat(refused.json().path("message").asText()).contains("bearer token");
    assertThat(anonymous.get("/data/" + id).status()).isEqualTo(404);
  }

  @Test
  void editsAndDeletesWithoutAValidTokenLeaveTheMessageAsItWas() {
    String path = "/api/v1/messages/" + id;
    assertThat(writer.post("/api/v1/messages", "{\"id\": " + id + ", \"text\": \"kept\"}").status())
        .isEqualTo(201);
    ApiClient wrongToken =
        new ApiClient(STACK.baseUrl()).withBearerToken("not-the-stack-token-0123456789");

    ApiResponse edit = anonymous.put(path, "{\"text\": \"changed\"}");
    ApiResponse legacyEdit = anonymous.put("/data/" + id, "{\"mess\": \"changed\"}");
    ApiResponse delete = anonymous.delete(path);
    ApiResponse legacyDelete = wrongToken.delete("/data/" + id);

    assertThat(edit.status()).isEqualTo(401);
    assertThat(legacyEdit.status()).isEqualTo(401);
    assertThat(delete.status()).isEqualTo(401);
    assertThat(legacyDelete.status()).isEqualTo(401);
    assertThat(legacyDelete.header("WWW-Authenticate"))
        .hasValue(CHALLENGE + ", error=\"invalid_token\"");
    ApiResponse after = anonymous.get(path);
    assertThat(after.status()).isEqualTo(200);
    assertThat(after.json().path("text").asText()).isEqualTo("kept");
    assertThat(after.json().path("version").asInt()).isEqualTo(1);
    assertThat(writer.delete(path).status()).isEqualTo(204);
  }

  @Test
  void readsNeedNoToken() {
    assertThat(writer.post("/data", "{\"clid\": " + id + ", \"mess\": \"public\"}").status())
        .isEqualTo(201);

    for (String path :
        new String[] {"/api/v1/messages?limit=5", "/api/v1/messages/" + id, "/data/" + id, "/"}) {
      ApiResponse read = anonymous.get(path);
      assertThat(read.status()).as(path).isEqualTo(200);
      assertThat(read.header("WWW-Authenticate")).as(path).isEmpty();
    }
    assertThat(writer.delete("/data/" + id).status()).isEqualTo(200);
  }

  @Test
  void answersThroughNginxForbidSniffingAndNameNoVersion() {
    ApiResponse read = anonymous.get("/api/v1/messages?limit=1");
    ApiResponse refused =
        anonymous.send(
            "POST",
            "/api/v1/messages",
            Map.of("Content-Type", "application/json"),
            "{\"text\": \"x\"}".getBytes(StandardCharsets.UTF_8));

    for (ApiResponse response : new ApiResponse[] {read, refused}) {
      assertThat(response.header("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(response.header("Server").orElse("")).doesNotContainPattern("[0-9]");
    }
    assertThat(read.header("Cache-Control")).hasValue("no-cache");
    assertThat(refused.header("Cache-Control")).hasValue("no-store");
  }
}
