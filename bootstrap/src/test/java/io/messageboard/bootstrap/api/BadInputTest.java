package io.messageboard.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input gets its 4xx, never a 500, and changes nothing that is stored. */
class BadInputTest {

  private static final Map<String, String> JSON = ApiClient.JSON;
  private static final Map<String, String> NONE = Map.of();
  private static final String V1 = "/api/v1/messages";
  private static final String V1_ONE = "/api/v1/messages/1";

  private static ApiServer server;
  private static ApiClient client;

  @BeforeAll
  static void startWithOneMessage() {
    server = ApiServer.inMemory();
    client = server.client();
    assertThat(client.post(V1, "{\"id\": 1, \"text\": \"the only message\"}").status())
        .isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Arguments call(
      String name,
      String method,
      String path,
      Map<String, String> headers,
      @Nullable String body,
      int status) {
    return Arguments.of(
        name,
        method,
        path,
        headers,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        status);
  }

  private static Arguments raw(
      String name,
      String method,
      String path,
      Map<String, String> headers,
      byte @Nullable [] body,
      int status) {
    return Arguments.of(name, method, path, headers, body, status);
  }

  static Stream<Arguments> badIds() {
    List<Arguments> cases = new ArrayList<>();
    String[] ids = {
      "-",
      "--1",
      "-2147483649",
      "2147483648",
      "abc",
      "1.5",
      "%201",
      "1%20",
      "123456789012345678901234567890",
      "+1",
      "0x1",
      "1e3"
    };
    for (String id : ids) {
      cases.add(call("GET v1 id " + id, "GET", V1 + "/" + id, NONE, null, 400));
      cases.add(call("HEAD v1 id " + id, "HEAD", V1 + "/" + id, NONE, null, 400));
      cases.add(call("HEAD legacy id " + id, "HEAD", "/data/" + id, NONE, null, 400));
      cases.add(call("PUT v1 id " + id, "PUT", V1 + "/" + id, JSON, "{\"text\": \"x\"}", 400));
      cases.add(call("DELETE v1 id " + id, "DELETE", V1 + "/" + id, NONE, null, 400));
      cases.add(call("GET legacy id " + id, "GET", "/data/" + id, NONE, null, 400));
      cases.add(call("PUT legacy id " + id, "PUT", "/data/" + id, JSON, "{\"mess\": \"x\"}", 400));
      cases.add(call("DELETE legacy id " + id, "DELETE", "/data/" + id, NONE, null, 400));
    }
    return cases.stream();
  }

  static Stream<Arguments> badBodyIds() {
    return Stream.of(
        call("id 0", "POST", V1, JSON, "{\"id\": 0, \"text\": \"x\"}", 422),
        call("id -1", "POST", V1, JSON, "{\"id\": -1, \"text\": \"x\"}", 422),
        call("id 2^31", "POST", V1, JSON, "{\"id\": 2147483648, \"text\": \"x\"}", 422),
        call(
            "id 30 digits",
            "POST",
            V1,
            JSON,
            "{\"id\": 123456789012345678901234567890, \"text\": \"x\"}",
            422),
        call("id string", "POST", V1, JSON, "{\"id\": \"2\", \"text\": \"x\"}", 400),
        call("id fraction", "POST", V1, JSON, "{\"id\": 1.5, \"text\": \"x\"}", 400),
        call("id exponent", "POST", V1, JSON, "{\"id\": 1e3, \"text\": \"x\"}", 400),
        call("id null", "POST", V1, JSON, "{\"id\": null, \"text\": \"x\"}", 400),
        call("id taken", "POST", V1, JSON, "{\"id\": 1, \"text\": \"x\"}", 409),
        call("legacy clid 0", "POST", "/data", JSON, "{\"clid\": 0, \"mess\": \"x\"}", 400),
        call(
            "legacy clid fraction", "POST", "/data", JSON, "{\"clid\": 1.5, \"mess\": \"x\"}", 400),
        call(
            "legacy clid 30 digits",
            "POST",
            "/data",
            JSON,
            "{\"clid\": 123456789012345678901234567890, \"mess\": \"x\"}",
            400),
        call("legacy clid taken", "POST", "/data", JSON, "{\"clid\": 1, \"mess\": \"x\"}", 409));
  }

  static Stream<Arguments> badTexts() {
    List<Arguments> cases = new ArrayList<>();
    Map<String, String> texts =
        Map.of(
            "empty", "\"\"",
            "blank", "\"   \\t \\n \"",
            "10,001 code points", "\"" + "x".repeat(10_001) + "\"",
            "10,001 emoji", "\"" + "😀".repeat(10_001) + "\"",
            "NUL", "\"a\\u0000b\"",
            "bell", "\"a\\u0007b\"",
            "escape", "\"a\\u001bb\"",
            "lone high surrogate", "\"a\\ud800b\"",
            "lone low surrogate", "\"\\udc00\"",
            "reversed surrogates", "\"\\ude00\\ud83d\"");
    texts.forEach(
        (name, json) -> {
          cases.add(
              call("v1 post text " + name, "POST", V1, JSON, "{\"text\": " + json + "}", 422));
          cases.add(
              call("v1 put text " + name, "PUT", V1_ONE, JSON, "{\"text\": " + json + "}", 422));
          cases.add(
              call(
                  "legacy post mess " + name,
                  "POST",
                  "/data",
                  JSON,
                  "{\"clid\": 2, \"mess\": " + json + "}",
                  400));
          cases.add(
              call(
                  "legacy put mess " + name,
                  "PUT",
                  "/data/1",
                  JSON,
                  "{\"mess\": " + json + "}",
                  400));
        });
    Map<String, String> wrongTypes =
        Map.of(
            "null", "null", "number", "5", "array", "[\"x\"]", "object", "{}", "boolean", "true");
    wrongTypes.forEach(
        (name, json) -> {
          cases.add(
              call("v1 post text " + name, "POST", V1, JSON, "{\"text\": " + json + "}", 400));
          cases.add(
              call("v1 put text " + name, "PUT", V1_ONE, JSON, "{\"text\": " + json + "}", 400));
          cases.add(
              call(
                  "legacy post mess " + name,
                  "POST",
                  "/data",
                  JSON,
                  "{\"clid\": 2, \"mess\": " + json + "}",
                  400));
        });
    return cases.stream();
  }

  static Stream<Arguments> badBodies() {
    List<Arguments> cases = new ArrayList<>();
    Map<String, String> bodies =
        Map.of(
            "malformed", "{\"text\": \"x\"",
            "array", "[{\"text\": \"x\"}]",
            "string", "\"x\"",
            "number", "42",
            "null", "null",
            "empty", "",
            "trailing content", "{\"text\": \"x\"} {}",
            "duplicate key", "{\"text\": \"a\", \"text\": \"b\"}",
            "missing text", "{}",
            "single quotes", "{'text': 'x'}");
    bodies.forEach(
        (name, body) -> {
          cases.add(call("v1 post " + name, "POST", V1, JSON, body, 400));
          cases.add(call("v1 put " + name, "PUT", V1_ONE, JSON, body, 400));
          cases.add(call("legacy post " + name, "POST", "/data", JSON, body, 400));
          cases.add(call("legacy put " + name, "PUT", "/data/1", JSON, body, 400));
        });
    cases.add(
        call(
            "v1 post unknown field",
            "POST",
            V1,
            JSON,
            "{\"text\": \"x\", \"replica\": \"evil\"}",
            400));
    cases.add(
        call(
            "v1 put unknown field", "PUT", V1_ONE, JSON, "{\"text\": \"x\", \"version\": 9}", 400));
    byte[] invalidUtf8 = {
      '{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'
    };
    cases.add(raw("v1 post invalid UTF-8", "POST", V1, JSON, invalidUtf8, 400));
    cases.add(raw("legacy post invalid UTF-8", "POST", "/data", JSON, invalidUtf8, 400));
    String huge = "{\"text\": \"" + "x".repeat(70_000) + "\"}";
    cases.add(call("v1 post over 64 KiB", "POST", V1, JSON, huge, 413));
    cases.add(call("v1 put over 64 KiB", "PUT", V1_ONE, JSON, huge, 413));
    cases.add(
        call("legacy post over 64 KiB", "POST", "/data", JSON, huge.replace("text", "mess"), 413));
    for (String type :
        new String[] {
          "text/plain",
          "application/x-www-form-urlencoded",
          "application/json; charset=iso-8859-1",
          "application/jsonx",
          ";"
        }) {
      cases.add(
          call(
              "v1 post as " + type,
              "POST",
              V1,
              Map.of("Content-Type", type),
              "{\"text\": \"x\"}",
              415));
      cases.add(
          call(
              "v1 put as " + type,
              "PUT",
              V1_ONE,
              Map.of("Content-Type", type),
              "{\"text\": \"x\"}",
              415));
      cases.add(
          call(
              "legacy post as " + type,
              "POST",
              "/data",
              Map.of("Content-Type", type),
              "{\"clid\": 2, \"mess\": \"x\"}",
              415));
    }
    cases.add(call("v1 post without content type", "POST", V1, NONE, "{\"text\": \"x\"}", 415));
    cases.add(
        call(
            "v1 post gzip encoded",
            "POST",
            V1,
            Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"),
            "{\"text\": \"x\"}",
            415));
    cases.add(
        raw(
            "v1 post UTF-16 with BOM",
            "POST",
            V1,
            JSON,
            "\uFEFF{\"text\": \"x\"}".getBytes(StandardCharsets.UTF_16BE),
            400));
    cases.add(
        raw(
            "legacy post UTF-16 with BOM",
            "POST",
            "/data",
            JSON,
            "\uFEFF{\"clid\": 3, \"mess\": \"x\"}".getBytes(StandardCharsets.UTF_16BE),
            400));
    return cases.stream();
  }

  static Stream<Arguments> badHeadersAndQueries() {
    List<Arguments> cases = new ArrayList<>();
    for (String ifMatch :
        new String[] {"garbage", "\"1", "1", "\"1\" \"2\"", "\"1\", \"2\"", "W/"}) {
      cases.add(
          call(
              "PUT If-Match " + ifMatch,
              "PUT",
              V1_ONE,
              Map.of("Content-Type", "application/json", "If-Match", ifMatch),
              "{\"text\": \"x\"}",
              400));
      cases.add(
          call(
              "DELETE If-Match " + ifMatch,
              "DELETE",
              V1_ONE,
              Map.of("If-Match", ifMatch),
              null,
              400));
    }
    cases.add(
        call(
            "PUT If-Match weak",
            "PUT",
            V1_ONE,
            Map.of("Content-Type", "application/json", "If-Match", "W/\"1\""),
            "{\"text\": \"x\"}",
            412));
    cases.add(
        call(
            "PUT If-Match foreign tag",
            "PUT",
            V1_ONE,
            Map.of("Content-Type", "application/json", "If-Match", "\"abc\""),
            "{\"text\": \"x\"}",
            412));
    cases.add(
        call(
            "PUT If-Match foreign tag with obs-text",
            "PUT",
            V1_ONE,
            Map.of("Content-Type", "application/json", "If-Match", "\"\u00e9\""),
            "{\"text\": \"x\"}",
            412));
    cases.add(
        call("DELETE If-Match stale", "DELETE", V1_ONE, Map.of("If-Match", "\"2\""), null, 412));
    cases.add(
        call(
            "GET If-None-Match garbage",
            "GET",
            V1_ONE,
            Map.of("If-None-Match", "garbage"),
            null,
            400));
    for (String query :
        new String[] {
          "limit=0",
          "limit=501",
          "limit=-1",
          "limit=abc",
          "limit=1.5",
          "limit=",
          "limit=99999999999",
          "after=-2147483649",
          "after=--1",
          "after=abc",
          "after=2147483648",
          "after=",
          "limit=1&limit=2",
          "after=1&after=2"
        }) {
      cases.add(call("list " + query, "GET", V1 + "?" + query, NONE, null, 400));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} → {5}")
  @MethodSource({"badIds", "badBodyIds", "badTexts", "badBodies", "badHeadersAndQueries"})
  void refusesWithA4xxAndChangesNothing(
      String name,
      String method,
      String path,
      Map<String, String> headers,
      byte @Nullable [] body,
      int expectedStatus) {
    List<JsonNode> before = server.snapshot();

    ApiResponse response = client.send(method, path, headers, body);

    assertThat(response.status()).as("%s: %s", name, response.text()).isEqualTo(expectedStatus);
    assertThat(server.snapshot()).as("nothing stored changed").isEqualTo(before);
  }
}
