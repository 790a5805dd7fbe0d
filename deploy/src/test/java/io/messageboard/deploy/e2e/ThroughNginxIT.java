package io.messageboard.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The v1 API through nginx: spread over every replica, replicated, identified, contract-true. */
class ThroughNginxIT {

  private static final StackUnderTest STACK = StackUnderTest.fromSystemProperties();
  private final ApiClient nginx = STACK.client(STACK.baseUrl());

  @Test
  void fortyGetsThroughNginxAreAnsweredByAllFourReplicas() {
    Set<String> servedBy = new TreeSet<>();
    for (int i = 0; i < 40; i++) {
      ApiResponse response = nginx.get(i % 2 == 0 ? "/api/v1/messages?limit=5" : "/");
      assertThat(response.status()).isEqualTo(200);
      servedBy.add(response.header("X-Served-By").orElseThrow());
    }
    if (STACK.replicaNames().isEmpty()) {
      assertThat(servedBy).hasSize(STACK.replicas());
    } else {
      assertThat(servedBy).containsExactlyElementsOf(STACK.replicaNames());
    }
  }

  @Test
  void aMessagePostedThroughNginxReadsBackIdenticallyFromEachReplica() {
    String text = "Replicated 👋 \"quoted\" ' ; DROP TABLE messages; -- " + UUID.randomUUID();
    ApiResponse posted = nginx.post("/api/v1/messages", "{\"text\": " + JsonText.quote(text) + "}");
    assertThat(posted.status()).isEqualTo(201);
    JsonNode message = posted.json();
    String path = "/api/v1/messages/" + message.get("id").asLong();

    for (String replica : STACK.replicaUrls()) {
      ApiResponse read = STACK.client(replica).get(path);
      assertThat(read.status()).as("%s%s", replica, path).isEqualTo(200);
      assertThat(read.json()).as("%s%s", replica, path).isEqualTo(message);
      assertThat(read.json().get("text").asText()).isEqualTo(text);
    }
    if (STACK.replicaUrls().isEmpty()) {
      // Replicas not reachable one by one: read through nginx until every replica has answered.
      Set<String> readBy = new TreeSet<>();
      for (int i = 0; i < 40 && readBy.size() < STACK.replicas(); i++) {
        ApiResponse read = nginx.get(path);
        assertThat(read.status()).as(path).isEqualTo(200);
        assertThat(read.json()).as(path).isEqualTo(message);
        readBy.add(read.header("X-Served-By").orElseThrow());
      }
      assertThat(readBy).hasSize(STACK.replicas());
    }
    assertThat(nginx.delete(path).status()).isEqualTo(204);
  }

  @Test
  void aClientsRequestIdIsPassedToTheReplicaAndLoggedByNginx() {
    String requestId = "e2e-" + UUID.randomUUID();
    ApiResponse response = nginx.get("/", Map.of("X-Request-Id", requestId));

    assertThat(response.header("X-Request-Id")).contains(requestId);
    assertThat(response.header("X-Served-By").orElseThrow()).isNotBlank();
    assertLoggedByNginx(requestId);
  }

  @Test
  void nginxGivesARequestWithoutAnIdOneThatTheReplicaEchoesAndNginxLogs() {
    ApiResponse response = nginx.get("/api/v1/messages?limit=1");

    String requestId = response.header("X-Request-Id").orElseThrow();
    assertThat(requestId).matches("[0-9a-f]{32}");
    assertLoggedByNginx(requestId);
  }

  // nginx writes a request's log line after it has sent the response, so the client may read the
  // log before the line is there. On compose one read of the log (docker-compose, then docker logs)
  // alone can take seconds on a busy machine: the wait is for the line, not for the read's speed.
  private static void assertLoggedByNginx(String requestId) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(STACK.nginxAccessLog()).contains("rid=" + requestId));
  }
}
