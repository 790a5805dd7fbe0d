package io.messageboard.bootstrap.api;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.messageboard.bootstrap.api.RequestOracle.Request;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;

/**
 * Coverage-guided fuzzing (Jazzer) of everything that parses untrusted input, against the whole
 * service in memory, with {@link RequestOracle}'s rule: JSON bodies of both APIs, the
 * Idempotency-Key, If-Match and If-None-Match headers, path ids and query strings.
 *
 * <p>A plain test run replays the inputs kept under {@code
 * src/test/resources/io/messageboard/bootstrap/api/FuzzedRequestsTestInputs/<target>/} (the seeds,
 * and every finding Jazzer ever saved there). {@code JAZZER_FUZZ=1} with one target selected
 * ({@code -Dtest=FuzzedRequestsTest#bodies}) fuzzes it for 20 s (.ci/run does, for each target) and
 * saves any input that breaks the rule there.
 */
class FuzzedRequestsTest {

  private static final List<String> BODY_TARGETS =
      List.of("POST /api/v1/messages", "PUT /api/v1/messages/1", "POST /data", "PUT /data/1");
  private static final List<String> CONTENT_TYPES =
      List.of("application/json", "application/json; charset=utf-8", "text/plain", "");
  private static final String FUZZ_DURATION = "20s";

  @AutoClose private static final RequestOracle oracle = RequestOracle.againstAnInMemoryService();

  // Jazzer reports every network connection as server-side request forgery unless allowed, per
  // thread: the harness's own, to the service under test on loopback, are; any other still is a
  // finding.
  private static void check(Request request) {
    int port = oracle.port();
    SilentCloseable toTheServiceOnly =
        BugDetectors.allowNetworkConnections(
            (host, to) -> to == port && (host.equals("localhost") || host.equals("127.0.0.1")));
    try {
      oracle.sendAndCheck(request);
    } finally {
      toTheServiceOnly.close();
    }
  }

  @FuzzTest(maxDuration = FUZZ_DURATION)
  void bodies(FuzzedDataProvider data) {
    String[] target = data.pickValue(BODY_TARGETS).split(" ", 2);
    String contentType = data.pickValue(CONTENT_TYPES);
    Map<String, String> headers =
        contentType.isEmpty() ? Map.of() : Map.of("Content-Type", contentType);
    check(new Request(target[0], target[1], headers, data.consumeRemainingAsBytes()));
  }

  @FuzzTest(maxDuration = FUZZ_DURATION)
  void conditionalAndIdempotencyHeaders(FuzzedDataProvider data) {
    int scenario = data.consumeInt(0, 3);
    String value = headerValue(data.consumeRemainingAsString());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    Request request =
        switch (scenario) {
          case 0 -> {
            headers.put("Idempotency-Key", value);
            yield new Request("POST", "/api/v1/messages", headers, json("{\"text\": \"keyed\"}"));
          }
          case 1 -> {
            headers.put("If-Match", value);
            yield new Request("PUT", "/api/v1/messages/1", headers, json("{\"text\": \"edited\"}"));
          }
          case 2 -> {
            headers.put("If-Match", value);
            yield new Request("PUT", "/data/1", headers, json("{\"mess\": \"edited\"}"));
          }
          default -> {
            headers.put("If-None-Match", value);
            yield new Request("GET", "/api/v1/messages/1", headers, null);
          }
        };
    check(request);
  }

  @FuzzTest(maxDuration = FUZZ_DURATION)
  void pathIdsAndQueryStrings(FuzzedDataProvider data) {
    boolean legacy = data.consumeBoolean();
    boolean query = data.consumeBoolean();
    String method =
        data.pickValue(query ? List.of("GET", "HEAD") : List.of("GET", "HEAD", "DELETE"));
    String text = data.consumeRemainingAsString();
    String target =
        query
            ? (legacy ? "/data?" : "/api/v1/messages?") + encoded(text, "%&=;+")
            : (legacy ? "/data/" : "/api/v1/messages/") + encoded(text, "%");
    check(new Request(method, target, Map.of(), null));
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  // A line feed would end the header and start another that the fuzzer wrote: that tests the
  // harness, not the service. A bare CR, NUL or obs-text stays, for the service to refuse.
  private static String headerValue(String fuzzed) {
    return fuzzed.replace('\n', ' ').strip();
  }

  /** UTF-8, percent-encoded except unreserved characters and those in {@code raw}. */
  private static String encoded(String text, String raw) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved =
          (c < 0x80 && Character.isLetterOrDigit(c))
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~';
      if (unreserved || raw.indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }
}
