package io.messageboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.adapter.http.request.JsonBody;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad query strings, headers and bodies get their 4xx with the field and reason, before any use
 * case runs; the store stays as it was.
 */
class RequestRejectionsTest {

  private final MapBackedUseCases store = new MapBackedUseCases();
  private final StubbedApi api = new StubbedApi(store.stubs(StubbedApi.REPLICA));
  private final ApiClient client = api.client();

  @AfterEach
  void stop() {
    api.close();
  }

  private static JsonNode onlyError(ApiResponse response) {
    assertThat(response.json().path("errors")).hasSize(1);
    return response.json().path("errors").get(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"limit=0", "limit=501", "limit=abc", "limit=-1", "limit=1.0", "limit="})
  void refusesALimitOutsideOneToFiveHundred(String query) {
    ApiResponse response = client.get("/api/v1/messages?" + query);

    assertThat(response.status()).isEqualTo(400);
    assertThat(onlyError(response).path("field").asText()).isEqualTo("limit");
    assertThat(onlyError(response).path("reason").asText())
        .isEqualTo("must be a whole number between 1 and 500");
    assertThat(store.pageRequests).isEmpty();
  }

  @Test
  void refusesAParameterGivenTwice() {
    ApiResponse response = client.get("/api/v1/messages?limit=1&limit=2");

    assertThat(response.status()).isEqualTo(400);
    assertThat(onlyError(response).path("field").asText()).isEqualTo("limit");
    assertThat(onlyError(response).path("reason").asText()).isEqualTo("must be given at most once");
  }

  @Test
  void refusesAStartingIdThatIsNotAnId() {
    ApiResponse response = client.get("/api/v1/messages?after=1e3");

    assertThat(response.status()).isEqualTo(400);
    assertThat(onlyError(response).path("field").asText()).isEqualTo("after");
  }

  @Test
  void refusesABodyThatIsNotJson() {
    ApiResponse response =
        client.send(
            "POST",
            "/api/v1/messages",
            Map.of("Content-Type", "text/plain"),
            "{\"text\": \"x\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(response.status()).isEqualTo(415);
    assertThat(onlyError(response).path("field").asText()).isEqualTo("Content-Type");
    assertThat(client.get("/api/v1/messages/1").status()).isEqualTo(404);
  }

  @Test
  void refusesACompressedBody() {
    ApiResponse response =
        client.send(
            "POST",
            "/api/v1/messages",
            Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"),
            "{\"text\": \"x\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(response.status()).isEqualTo(415);
    assertThat(onlyError(response).path("field").asText()).isEqualTo("Content-Encoding");
  }

  @Test
  void listsEveryUnknownField() {
    ApiResponse response =
        client.post("/api/v1/messages", "{\"text\": \"x\", \"colour\": 1, \"size\": 2}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("errors"))
        .extracting(error -> error.path("field").asText() + " " + error.path("reason").asText())
        .containsExactlyInAnyOrder("colour is not a known field", "size is not a known field");
  }

  @Test
  void refusesFieldsOfTheWrongTypeAsMalformed() {
    ApiResponse posted = client.post("/api/v1/messages", "{\"id\": \"7\", \"text\": 5}");
    ApiResponse edited = client.put("/api/v1/messages/1", "{\"text\": null}");

    assertThat(posted.status()).isEqualTo(400);
    assertThat(posted.json().path("errors"))
        .extracting(error -> error.path("field").asText() + " " + error.path("reason").asText())
        .containsExactly(
            "id must be a whole number, not a string", "text must be a string, not a number");
    assertThat(edited.status()).isEqualTo(400);
    assertThat(onlyError(edited).path("reason").asText()).isEqualTo("is required");
  }

  @Test
  void refusesValuesThatBreakTheMessageRulesAsUnprocessable() {
    ApiResponse posted = client.post("/api/v1/messages", "{\"id\": 0, \"text\": \" \"}");
    ApiResponse tooBig =
        client.post("/api/v1/messages", "{\"id\": 99999999999999999999, \"text\": \"x\"}");
    client.post("/api/v1/messages", "{\"id\": 1, \"text\": \"kept\"}");
    ApiResponse edited = client.put("/api/v1/messages/1", "{\"text\": \"\"}");

    assertThat(posted.status()).isEqualTo(422);
    assertThat(posted.json().path("errors"))
        .extracting(error -> error.path("field").asText())
        .containsExactly("id", "text");
    assertThat(tooBig.status()).isEqualTo(422);
    assertThat(onlyError(tooBig).path("field").asText()).isEqualTo("id");
    assertThat(edited.status()).isEqualTo(422);
    assertThat(client.get("/api/v1/messages/1").json().path("text").asText()).isEqualTo("kept");
  }

  @Test
  void namesWhereTheJsonBreaks() {
    ApiResponse response = client.post("/api/v1/messages", "{\"text\": }");

    assertThat(response.status()).isEqualTo(400);
    assertThat(onlyError(response).path("reason").asText())
        .startsWith("is not valid JSON (line 1, column ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void refusesAnEmptyBody(String body) {
    ApiResponse response = client.post("/api/v1/messages", body);

    assertThat(response.status()).isEqualTo(400);
    assertThat(onlyError(response).path("reason").asText())
        .isEqualTo("is empty; a JSON object is required");
  }

  @Test
  void refusesJsonThatIsNotAnObject() {
    ApiResponse response = client.post("/api/v1/messages", "[\"text\"]");

    assertThat(response.status()).isEqualTo(400);
    assertThat(onlyError(response).path("reason").asText())
        .isEqualTo("must be a JSON object, not an array");
  }

  @Test
  void refusesABodyThatIsNotUtf8() {
    byte[] latin1 = "{\"text\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

    ApiResponse response = client.send("POST", "/api/v1/messages", ApiClient.JSON, latin1);

    assertThat(response.status()).isEqualTo(400);
    assertThat(onlyError(response).path("reason").asText()).isEqualTo("is not valid UTF-8");
  }

  @Test
  void acceptsABodyOfExactlyTheLargestSizeAndRefusesOneByteMore() {
    ApiResponse largest = client.post("/api/v1/messages", paddedBody(JsonBody.MAX_BYTES));
    ApiResponse tooLarge = client.post("/api/v1/messages", paddedBody(JsonBody.MAX_BYTES + 1));

    assertThat(largest.status()).isEqualTo(201);
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(onlyError(tooLarge).path("reason").asText())
        .isEqualTo("The body must be at most 65536 bytes");
  }

  @Test
  void countsTheBytesOfABodySentWithoutALength() throws Exception {
    assertThat(postChunked(paddedBody(JsonBody.MAX_BYTES))).isEqualTo(201);
    assertThat(postChunked(paddedBody(JsonBody.MAX_BYTES + 1))).isEqualTo(413);
  }

  private int postChunked(String body) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/messages"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** A valid post of exactly {@code size} bytes: a short text followed by JSON whitespace. */
  private static String paddedBody(int size) {
    String json = "{\"text\": \"padded\"}";
    return json + " ".repeat(size - json.length());
  }
}
