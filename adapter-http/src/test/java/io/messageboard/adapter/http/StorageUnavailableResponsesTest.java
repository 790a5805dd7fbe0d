package io.messageboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.domain.failure.StorageUnavailableException;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessageText;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.model.ReplicaId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class StorageUnavailableResponsesTest {

  private static StorageUnavailableException down() {
    return new StorageUnavailableException("database down", new ConnectException("refused"));
  }

  private static UseCaseStubs allDown(Consumer<Consumer<Message>> export) {
    UseCaseStubs stubs = new UseCaseStubs();
    stubs.post =
        command -> {
          throw down();
        };
    stubs.get =
        id -> {
          throw down();
        };
    stubs.list =
        request -> {
          throw down();
        };
    stubs.export = export::accept;
    stubs.edit =
        command -> {
          throw down();
        };
    stubs.delete =
        command -> {
          throw down();
        };
    return stubs;
  }

  @Test
  void answersVersionOneWith503ProblemAndRetryAfter() {
    try (StubbedApi api =
        new StubbedApi(
            allDown(
                sink -> {
                  throw down();
                }))) {
      ApiClient client = api.client();

      for (ApiResponse response :
          new ApiResponse[] {
            client.get("/api/v1/messages"), client.get("/api/v1/messages/1"),
            client.post("/api/v1/messages", "{\"text\": \"x\"}"),
                client.put("/api/v1/messages/1", "{\"text\": \"x\"}"),
            client.delete("/api/v1/messages/1")
          }) {
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).hasValue("5");
        assertThat(response.header("Content-Type")).hasValue("application/problem+json");
        assertThat(response.json().path("type").asText())
            .isEqualTo("urn:messageboard:problem:storage-unavailable");
        assertThat(response.text()).doesNotContain("database down");
      }
    }
  }

  @Test
  void answersTheLegacyApiWith503AndTheOriginalMessage() {
    try (StubbedApi api =
        new StubbedApi(
            allDown(
                sink -> {
                  throw down();
                }))) {
      ApiClient client = api.client();

      for (ApiResponse response :
          new ApiResponse[] {
            client.get("/data"),
            client.get("/data/1"),
            client.post("/data", "{\"clid\": 1, \"mess\": \"x\"}"),
            client.put("/data/1", "{\"mess\": \"x\"}"),
            client.delete("/data/1")
          }) {
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).hasValue("5");
        assertThat(response.text())
            .isEqualTo("{\"message\":\"Cannot connect to the database. Try again later.\"}");
      }
    }
  }

  @Test
  void cutsTheLegacyListShortWhenTheStoreFailsAfterTheFirstRows() throws Exception {
    Message row = storedMessage(1, "first");
    try (StubbedApi api =
        new StubbedApi(
            allDown(
                sink -> {
                  for (int i = 0; i < 5_000; i++) {
                    sink.accept(row);
                  }
                  throw down();
                }))) {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/data")).build();
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      try (InputStream body = response.body()) {
        body.transferTo(received);
      } catch (IOException connectionCut) {
        // The server may end the response by cutting the connection; what arrived is checked below.
      }

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(received.toString(StandardCharsets.UTF_8)).startsWith("[[1,\"first\",\"r\"]");
      assertThatThrownBy(() -> new ObjectMapper().readTree(received.toByteArray()))
          .as("a cut-short list is not valid JSON, so no client takes it for the whole table")
          .isInstanceOf(IOException.class);
    }
  }

  private static Message storedMessage(int id, String text) {
    return new NewMessage(
            Optional.of(new MessageId(id)),
            new MessageText(text),
            new ReplicaId("r"),
            Instant.EPOCH)
        .storedAs(new MessageId(id));
  }
}
