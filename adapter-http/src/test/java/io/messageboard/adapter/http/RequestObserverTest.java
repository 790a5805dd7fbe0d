package io.messageboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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

  @Test
  void countsRefusedInputAsAnInvalidFailure() {
    api.client().post("/api/v1/messages", "{\"text\": \"\"}");

    assertThat(api.failures).containsExactly(io.messageboard.domain.failure.FailureKind.INVALID);
  }

  private CompletedRequest awaitCompleted(String requestId) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (CompletedRequest request : api.completed) {
        if (request.requestId().equals(requestId)) {
          return request;
        }
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("no completed request " + requestId + " in " + api.completed);
  }
}
