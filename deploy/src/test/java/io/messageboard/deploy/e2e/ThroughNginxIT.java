package io.messageboard.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The v1 API through nginx: spread over every replica, replicated, identified, contract-true. */
class ThroughNginxIT {

  private static final StackUnderTest STACK = StackUnderTest.fromSystemProperties();
  private final ApiClient nginx = new ApiClient(STACK.baseUrl());

  @Test
  void fortyGetsThroughNginxAreAnsweredByAllFourReplicas() {
    Set<String> servedBy = new TreeSet<>();
    for (int i = 0; i < 40; i++) {
      ApiResponse response = nginx.get(i % 2 == 0 ? "/api/v1/messages?limit=5" : "/");
      assertThat(response.status()).isEqualTo(200);
      servedBy.add(response.header("X-Served-By").orElseThrow());
    }
    assertThat(servedBy).containsExactly("app-1", "app-2", "app-3", "app-4");
  }

  @Test
  void aMessagePostedThroughNginxReadsBackIdenticallyFromEachReplica() {
    String text = "Replicated 👋 \"quoted\" ' ; DROP TABLE messages; -- " + UUID.randomUUID();
    ApiResponse posted = nginx.post("/api/v1/messages", "{\"text\": " + JsonText.quote(text) + "}");
    assertThat(posted.status()).isEqualTo(201);
    JsonNode message = posted.json();
    String path = "/api/v1/messages/" + message.get("id").asLong();

    for (String replica : STACK.replicaUrls()) {
      ApiResponse read = new ApiClient(replica).get(path);
      assertThat(read.status()).as("%s%s", replica, path).isEqualTo(200);
      assertThat(read.json()).as("%s%s", replica, path).isEqualTo(message);
      assertThat(read.json().get("text").asText()).isEqualTo(text);
    }
    assertThat(nginx.delete(path).status()).isEqualTo(204);
  }

  @Test
  void aClientsRequestIdIsPassedToTheReplicaAndLoggedByNginx() throws IOException {
    String requestId = "e2e-" + UUID.randomUUID();
    ApiResponse response = nginx.get("/", Map.of("X-Request-Id", requestId));

    assertThat(response.header("X-Request-Id")).contains(requestId);
    assertThat(response.header("X-Served-By").orElseThrow()).startsWith("app-");
    assertThat(nginxAccessLog()).contains("rid=" + requestId);
  }

  @Test
  void nginxGivesARequestWithoutAnIdOneThatTheReplicaEchoesAndNginxLogs() throws IOException {
    ApiResponse response = nginx.get("/api/v1/messages?limit=1");

    String requestId = response.header("X-Request-Id").orElseThrow();
    assertThat(requestId).matches("[0-9a-f]{32}");
    assertThat(nginxAccessLog()).contains("rid=" + requestId);
  }

  private static String nginxAccessLog() throws IOException {
    return Files.readString(Path.of(STACK.stateDir().toString(), "logs", "nginx-access.log"));
  }
}
