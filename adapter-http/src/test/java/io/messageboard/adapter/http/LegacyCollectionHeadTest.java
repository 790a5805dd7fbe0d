package io.messageboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.contract.ApiResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** HEAD /data answers like GET /data would, without exporting every row to discard it. */
class LegacyCollectionHeadTest {

  private final AtomicInteger exports = new AtomicInteger();
  private final StubbedApi api =
      new StubbedApi(UseCaseStubs.emptyStore().withExport(sink -> exports.incrementAndGet()));

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void answersHeadWithoutRunningTheExport() {
    ApiResponse head = api.client().send("HEAD", "/data", Map.of(), null);

    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Type").orElseThrow()).startsWith("application/json");
    assertThat(exports).hasValue(0);
  }

  @Test
  void getStillRunsTheExport() {
    assertThat(api.client().get("/data").status()).isEqualTo(200);
    assertThat(exports).hasValue(1);
  }
}
