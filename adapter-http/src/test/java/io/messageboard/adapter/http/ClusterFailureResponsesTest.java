package io.messageboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.domain.failure.DomainException;
import io.messageboard.domain.failure.OutcomeUnknownException;
import io.messageboard.domain.failure.StorageConflictException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What the clients of both APIs are told when the database cluster refuses a write (nothing was
 * stored) or loses the connection after a write was sent (it may have been stored): never a 500,
 * always 503 with Retry-After, and the two cases told apart.
 */
class ClusterFailureResponsesTest {

  private static StorageConflictException conflict() {
    return new StorageConflictException(
        "certification failed", new SQLException("Deadlock found", "40001", 1213));
  }

  private static OutcomeUnknownException unknown() {
    return new OutcomeUnknownException("lost", new SQLException("Socket error", "08000", -1));
  }

  private static UseCaseStubs failingWith(Supplier<DomainException> failure) {
    UseCaseStubs stubs = new UseCaseStubs();
    stubs.post =
        command -> {
          throw failure.get();
        };
    stubs.postOnce =
        command -> {
          throw failure.get();
        };
    stubs.edit =
        command -> {
          throw failure.get();
        };
    stubs.delete =
        command -> {
          throw failure.get();
        };
    return stubs;
  }

  private static ApiResponse[] v1Writes(ApiClient client) {
    return new ApiResponse[] {
      client.post("/api/v1/messages", "{\"text\": \"x\"}"),
      client.send(
          "POST",
          "/api/v1/messages",
          Map.of("Content-Type", "application/json", "Idempotency-Key", "\"k\""),
          "{\"text\": \"x\"}".getBytes(StandardCharsets.UTF_8)),
      client.put("/api/v1/messages/1", "{\"text\": \"x\"}"),
      client.delete("/api/v1/messages/1")
    };
  }

  private static ApiResponse[] legacyWrites(ApiClient client) {
    return new ApiResponse[] {
      client.post("/data", "{\"clid\": 1, \"mess\": \"x\"}"),
      client.put("/data/1", "{\"mess\": \"x\"}"),
      client.delete("/data/1")
    };
  }

  @Test
  void aRefusedWriteIsA503StorageConflictToRetryAfterASecond() {
    try (StubbedApi api = new StubbedApi(failingWith(ClusterFailureResponsesTest::conflict))) {
      for (ApiResponse response : v1Writes(api.client())) {
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).hasValue("1");
        assertThat(response.json().path("type").asText())
            .isEqualTo("urn:messageboard:problem:storage-conflict");
        assertThat(response.json().path("detail").asText()).contains("nothing was stored");
        assertThat(response.text()).doesNotContain("Deadlock");
      }
    }
  }

  @Test
  void aWriteOfUnknownOutcomeIsA503OfItsOwnTypeThatSaysHowToRetry() {
    try (StubbedApi api = new StubbedApi(failingWith(ClusterFailureResponsesTest::unknown))) {
      for (ApiResponse response : v1Writes(api.client())) {
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).hasValue("5");
        assertThat(response.json().path("type").asText())
            .isEqualTo("urn:messageboard:problem:outcome-unknown");
        assertThat(response.json().path("detail").asText())
            .contains("may or may not have been stored")
            .contains("same Idempotency-Key");
      }
    }
  }

  @Test
  void theLegacyApiTellsARefusalFromAnUnknownOutcome() {
    try (StubbedApi refusing = new StubbedApi(failingWith(ClusterFailureResponsesTest::conflict));
        StubbedApi losing = new StubbedApi(failingWith(ClusterFailureResponsesTest::unknown))) {
      for (ApiResponse response : legacyWrites(refusing.client())) {
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).hasValue("1");
        assertThat(response.json().path("message").asText()).contains("nothing was stored");
      }
      for (ApiResponse response : legacyWrites(losing.client())) {
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).hasValue("5");
        assertThat(response.json().path("message").asText())
            .isEqualTo(
                "The database connection was lost while saving; the change may or may not have"
                    + " been stored. Read the message before retrying.");
      }
    }
  }
}
