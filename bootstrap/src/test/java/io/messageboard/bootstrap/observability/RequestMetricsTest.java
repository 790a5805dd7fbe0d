package io.messageboard.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.http.CompletedRequest;
import io.messageboard.adapter.metrics.HttpServerRequests;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final RequestMetrics observer = new RequestMetrics(new HttpServerRequests(registry));

  @Test
  void recordsEachFinishedRequestUnderItsRouteTemplate() {
    observer.completed(
        new CompletedRequest("r1", "DELETE", "/data/{id}", 200, Duration.ofMillis(40)));

    Timer timer =
        registry
            .get("http.server.requests")
            .tag("method", "DELETE")
            .tag("uri", "/data/{id}")
            .tag("status", "200")
            .timer();
    assertThat(timer.count()).isEqualTo(1);
    assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
  }
}
