package io.messageboard.bootstrap.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.bootstrap.Application;
import io.messageboard.bootstrap.config.Settings;
import io.messageboard.bootstrap.config.TestSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A retried post with an Idempotency-Key gets the first answer again byte for byte (status,
 * headers, body), on either storage, even after its message was edited and then deleted: only the
 * headers that describe the exchange rather than the result differ.
 */
class IdempotentReplayBytesTest {

  /** Headers of the exchange, not of the result: they may differ between two answers. */
  private static final Set<String> PER_REQUEST = Set.of("x-request-id", "date");

  private static final String KEY = "\"replay-bytes\"";
  private static final String BODY =
      "{\"text\": \"bytes \\\"quoted\\\" \\\\ 👋 é ✓ </b> \\u2028\"}";

  @TempDir Path dataDirectory;

  @Test
  void inMemoryTheReplayIsTheFirstAnswerByteForByte() {
    replaysTheFirstAnswerByteForByte(TestSettings.inMemory());
  }

  @Test
  void onMariaDbTheReplayIsTheFirstAnswerByteForByte() {
    replaysTheFirstAnswerByteForByte(MariaDbSettings.embedded(dataDirectory));
  }

  private static void replaysTheFirstAnswerByteForByte(Settings settings) {
    Application application = new Application(settings).start();
    try {
      ApiClient client = new ApiClient("http://127.0.0.1:" + application.httpPort());
      ApiResponse first = post(client);
      String location = first.header("Location").orElseThrow();
      assertThat(client.put(location, "{\"text\": \"edited\"}").status()).isEqualTo(200);
      ApiResponse afterEdit = post(client);
      assertThat(client.delete(location).status()).isEqualTo(204);
      ApiResponse afterDelete = post(client);

      assertThat(first.status()).isEqualTo(201);
      for (ApiResponse replay : List.of(afterEdit, afterDelete)) {
        assertThat(replay.status()).isEqualTo(first.status());
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(withoutPerRequest(replay.headers()))
            .isEqualTo(withReplayed(withoutPerRequest(first.headers())));
      }
    } finally {
      application.stop();
    }
  }

  private static ApiResponse post(ApiClient client) {
    return client.send(
        "POST",
        "/api/v1/messages",
        Map.of("Content-Type", "application/json", "Idempotency-Key", KEY),
        BODY.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, List<String>> withoutPerRequest(Map<String, List<String>> headers) {
    Map<String, List<String>> kept = new TreeMap<>();
    headers.forEach(
        (name, values) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (!PER_REQUEST.contains(lower)) {
            kept.put(lower, values);
          }
        });
    return kept;
  }

  private static Map<String, List<String>> withReplayed(Map<String, List<String>> headers) {
    Map<String, List<String>> replayed = new TreeMap<>(headers);
    replayed.put("idempotent-replayed", List.of("true"));
    return replayed;
  }
}
