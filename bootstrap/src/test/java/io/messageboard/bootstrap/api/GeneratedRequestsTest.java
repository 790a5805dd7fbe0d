package io.messageboard.bootstrap.api;

import io.messageboard.bootstrap.api.RequestOracle.Request;
import io.messageboard.domain.property.Generate;
import io.messageboard.domain.property.PropertyCheck;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Generated requests against the whole service (in memory): arbitrary bodies, header values, path
 * ids and query strings never get a 5xx, every error is well formed (problem+json, or the original
 * body on the legacy paths), and a refused request leaves every stored message as it was.
 */
class GeneratedRequestsTest {

  private static final List<String> BODY_TARGETS =
      List.of("/api/v1/messages", "/api/v1/messages/1", "/data", "/data/1");
  private static final List<String> CONTENT_TYPES =
      List.of(
          "application/json",
          "application/json; charset=utf-8",
          "application/problem+json",
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x");
  private static final List<String> HEADER_NAMES =
      List.of("Content-Type", "If-Match", "If-None-Match", "X-Request-Id", "Accept", "Origin");

  @AutoClose private static final RequestOracle oracle = RequestOracle.againstAnInMemoryService();

  @Test
  void arbitraryBodiesNeverBreakTheServiceNorChangeWhatTheyDoNotWrite() {
    PropertyCheck.forAll("HTTP bodies", 1_500, GeneratedRequestsTest::bodyRequest)
        .check(request -> oracle.sendAndCheck(request));
  }

  @Test
  void arbitraryHeaderValuesNeverBreakTheService() {
    PropertyCheck.forAll("HTTP header values", 1_000, GeneratedRequestsTest::headerRequest)
        .check(request -> oracle.sendAndCheck(request));
  }

  @Test
  void arbitraryPathIdsNeverBreakTheService() {
    PropertyCheck.forAll("HTTP path ids", 1_000, GeneratedRequestsTest::pathIdRequest)
        .check(request -> oracle.sendAndCheck(request));
  }

  @Test
  void arbitraryQueryStringsNeverBreakTheListings() {
    PropertyCheck.forAll("HTTP query strings", 1_000, GeneratedRequestsTest::queryRequest)
        .check(request -> oracle.sendAndCheck(request));
  }

  private static Request bodyRequest(SplittableRandom random) {
    String target = BODY_TARGETS.get(random.nextInt(BODY_TARGETS.size()));
    String method = target.endsWith("/1") ? "PUT" : "POST";
    Map<String, String> headers = new LinkedHashMap<>();
    if (random.nextInt(5) > 0) {
      headers.put("Content-Type", CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size())));
    }
    byte[] body =
        random.nextInt(50) == 0
            ? new byte[65_537 + random.nextInt(10_000)]
            : Generate.bytes(random, 2_000);
    return new Request(method, target, headers, body);
  }

  private static Request headerRequest(SplittableRandom random) {
    String[] methods = {"GET", "HEAD", "POST", "PUT", "DELETE"};
    String method = methods[random.nextInt(methods.length)];
    boolean legacy = random.nextBoolean();
    String collection = legacy ? "/data" : "/api/v1/messages";
    String target = method.equals("POST") ? collection : collection + "/1";
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      headers.put(HEADER_NAMES.get(random.nextInt(HEADER_NAMES.size())), headerValue(random));
    }
    byte @Nullable [] body = null;
    if (method.equals("POST") || method.equals("PUT")) {
      String field = legacy ? "mess" : "text";
      String id = method.equals("POST") ? (legacy ? "\"clid\": 7, " : "") : "";
      body = ("{" + id + "\"" + field + "\": \"edited\"}").getBytes(StandardCharsets.UTF_8);
    }
    return new Request(method, target, headers, body);
  }

  private static Request pathIdRequest(SplittableRandom random) {
    String[] methods = {"GET", "HEAD", "PUT", "DELETE"};
    String method = methods[random.nextInt(methods.length)];
    boolean legacy = random.nextBoolean();
    String id = random.nextBoolean() ? Generate.numberish(random) : Generate.string(random, 16);
    String target = (legacy ? "/data/" : "/api/v1/messages/") + pathEncoded(random, id);
    byte @Nullable [] body =
        method.equals("PUT")
            ? (legacy ? "{\"mess\": \"edited\"}" : "{\"text\": \"edited\"}")
                .getBytes(StandardCharsets.UTF_8)
            : null;
    Map<String, String> headers =
        body == null ? Map.of() : Map.of("Content-Type", "application/json");
    return new Request(method, target, headers, body);
  }

  private static Request queryRequest(SplittableRandom random) {
    String[] keys = {"limit", "after", "limit", "after", "LIMIT", "", "x"};
    StringBuilder query = new StringBuilder();
    int parameters = random.nextInt(4);
    for (int i = 0; i < parameters; i++) {
      if (i > 0) {
        query.append(random.nextInt(8) == 0 ? ";" : "&");
      }
      query.append(keys[random.nextInt(keys.length)]);
      if (random.nextInt(6) > 0) {
        String value =
            random.nextBoolean() ? Generate.numberish(random) : Generate.string(random, 10);
        query.append('=').append(pathEncoded(random, value));
      }
    }
    String path = random.nextInt(4) == 0 ? "/data" : "/api/v1/messages";
    String method = random.nextInt(4) == 0 ? "HEAD" : "GET";
    return new Request(method, path + "?" + query, Map.of(), null);
  }

  /**
   * Percent-encodes the UTF-8 bytes of {@code text}, leaving some characters raw: the unreserved
   * ones always, other printable ASCII (including '%', '/' and '#') now and then.
   */
  private static String pathEncoded(SplittableRandom random, String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved =
          (Character.isLetterOrDigit(c) && c < 0x80)
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~';
      boolean printable = c > 0x20 && c < 0x7f;
      if (unreserved || (printable && random.nextInt(4) == 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  /**
   * A header value of visible ASCII, obs-text bytes, spaces and tabs; now and then a NUL or a bare
   * CR or LF, which a server must refuse rather than read as the end of the header.
   */
  private static String headerValue(SplittableRandom random) {
    int length = Generate.length(random, 300);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int pick = random.nextInt(100);
      if (pick == 0) {
        out.append("\u0000\r\n".charAt(random.nextInt(3)));
      } else if (pick < 10) {
        out.append((char) (0x80 + random.nextInt(0x80)));
      } else if (pick < 15) {
        out.append(random.nextBoolean() ? ' ' : '\t');
      } else if (pick < 25) {
        out.append("\"*,;=W/".charAt(random.nextInt(7)));
      } else {
        out.append((char) (0x21 + random.nextInt(0x5e)));
      }
    }
    return out.toString().strip();
  }
}
