package io.messageboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestObserverTest {

  private final StubbedApi api = new StubbedApi(StubbedApi.emptyStore());

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void reportsTheRouteTemplateNotTheRawPath() {
    api.client().get("/api/v1/messages/12345", Map.of("X-Request-Id", "observe-1"));

    CompletedRequest request = awaitCompleted("observe-1");
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.route()).isEqualTo("/api/v1/messages/{id}");
    assertThat(request.status()).isEqualTo(404);
    assertThat(request.duration()).isPositive();
  }

  @Test
  void reportsUnknownRoutesUnderOneLabel() {
    api.client().get("/random/" + System.nanoTime(), Map.of("X-Request-Id", "observe-2"));

    assertThat(awaitCompleted("observe-2").route()).isEqualTo(CompletedRequest.UNMATCHED_ROUTE);
  }

  private CompletedRequest awaitCompleted(String requestId) {
    return await("completed request " + requestId)
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                api.completed.stream()
                    .filter(request -> request.requestId().equals(requestId))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }
}
