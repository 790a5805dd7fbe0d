package io.messageboard.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The original system's /data API through nginx, with its documented bodies. */
class LegacyApiThroughNginxIT {

  private static final StackUnderTest STACK = StackUnderTest.fromSystemProperties();
  private final ApiClient nginx = STACK.client(STACK.baseUrl());
  private final int clid = ThreadLocalRandom.current().nextInt(1_000_000, 2_000_000_000);

  @Test
  void theRootGreetsFromTheReplicaThatAnswered() {
    ApiResponse response = nginx.get("/");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("Message").asText())
        .startsWith("Hello from " + response.header("X-Served-By").orElseThrow());
  }

  @Test
  void aMessageIsAddedReadUpdatedListedAndDeletedWithTheOriginalBodies() {
    ApiResponse added = nginx.post("/data", "{\"clid\": " + clid + ", \"mess\": \"hi\"}");
    assertThat(added.status()).isEqualTo(201);
    assertThat(added.json().get("message").asText()).isEqualTo("Message added successfully");

    ApiResponse read = nginx.get("/data/" + clid);
    assertThat(read.status()).isEqualTo(200);
    JsonNode row = read.json().get(0);
    assertThat(row.get(0).asInt()).isEqualTo(clid);
    assertThat(row.get(1).asText()).isEqualTo("hi");
    if (STACK.replicaNames().isEmpty()) {
      assertThat(row.get(2).asText()).matches("[A-Za-z0-9._-]{1,64}");
    } else {
      assertThat(row.get(2).asText()).isIn(STACK.replicaNames());
    }

    ApiResponse updated = nginx.put("/data/" + clid, "{\"mess\": \"hello\"}");
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("message").asText()).isEqualTo("Data updated successfully");

    assertThat(nginx.get("/data").json())
        .anySatisfy(
            listed -> {
              assertThat(listed.get(0).asInt()).isEqualTo(clid);
              assertThat(listed.get(1).asText()).isEqualTo("hello");
            });

    ApiResponse deleted = nginx.delete("/data/" + clid);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().get("message").asText()).isEqualTo("Data deleted successfully");
    ApiResponse gone = nginx.get("/data/" + clid);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.json().get("message").asText()).isEqualTo("ID not found");
  }

  @Test
  void aDuplicateIdAndABadBodyGetTheOriginalErrorBodiesWithRealStatusCodes() {
    assertThat(nginx.post("/data", "{\"clid\": " + clid + ", \"mess\": \"one\"}").status())
        .isEqualTo(201);

    ApiResponse duplicate = nginx.post("/data", "{\"clid\": " + clid + ", \"mess\": \"two\"}");
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().get("error").asText()).isEqualTo("Integrity error, duplicated ID");

    ApiResponse invalid = nginx.post("/data", "{\"clid\": " + clid + "}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().get("message").asText())
        .isEqualTo("Invalid format. Must include only 'clid' and 'mess'");

    assertThat(nginx.delete("/data/" + clid).status()).isEqualTo(200);
    ApiResponse deletedTwice = nginx.delete("/data/" + clid);
    assertThat(deletedTwice.status()).isEqualTo(404);
    assertThat(deletedTwice.json().get("error").asText())
        .isEqualTo("No rows deleted, ID not found");
  }
}
