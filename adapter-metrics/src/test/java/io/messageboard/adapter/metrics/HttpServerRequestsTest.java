package io.messageboard.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.domain.model.ReplicaId;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpServerRequestsTest {

  private final PrometheusMetrics metrics = PrometheusMetrics.create(new ReplicaId("r1"), "test");
  private final HttpServerRequests requests = new HttpServerRequests(metrics.registry());

  @AfterEach
  void close() {
    metrics.close();
  }

  @Test
  void recordsRequestsUnderTheirRouteTemplateWithStatusAndOutcome() {
    requests.record("GET", "/api/v1/messages/{id}", 200, Duration.ofMillis(12));
    requests.record("GET", "/api/v1/messages/{id}", 404, Duration.ofMillis(3));

    Timer ok = timer("GET", "/api/v1/messages/{id}", "200");
    assertThat(ok.count()).isEqualTo(1);
    assertThat(ok.getId().getTag("outcome")).isEqualTo("SUCCESS");
    assertThat(timer("GET", "/api/v1/messages/{id}", "404").getId().getTag("outcome"))
        .isEqualTo("CLIENT_ERROR");
  }

  @Test
  void marksServerErrorsAsSuch() {
    requests.record("POST", "/data", 503, Duration.ofMillis(1));

    assertThat(timer("POST", "/data", "503").getId().getTag("outcome")).isEqualTo("SERVER_ERROR");
  }

  @Test
  void publishesHistogramBucketsForQuantiles() {
    requests.record("GET", "/data", 200, Duration.ofMillis(30));

    assertThat(metrics.scrape())
        .containsPattern(
            "http_server_requests_seconds_bucket\\{[^}]*uri=\"/data\",le=\"0\\.05\"\\} 1")
        .containsPattern(
            "http_server_requests_seconds_bucket\\{[^}]*uri=\"/data\",le=\"0\\.025\"\\} 0")
        .containsPattern(
            "http_server_requests_seconds_bucket\\{[^}]*uri=\"/data\",le=\"\\+Inf\"\\} 1");
  }

  @Test
  void foldsUnknownMethodsIntoOtherSoClientsCannotInventLabelValues() {
    requests.record("FROBNICATE", "NOT_FOUND", 404, Duration.ofMillis(1));

    assertThat(timer("OTHER", "NOT_FOUND", "404").count()).isEqualTo(1);
  }

  @Test
  void stopsAddingUriSeriesPastTheLimit() {
    for (int i = 0; i < HttpServerRequests.MAX_URIS + 20; i++) {
      requests.record("GET", "/raw/" + i, 200, Duration.ofMillis(1));
    }

    assertThat(metrics.registry().find(HttpServerRequests.METER).timers())
        .hasSize(HttpServerRequests.MAX_URIS);
  }

  private Timer timer(String method, String uri, String status) {
    return metrics
        .registry()
        .get(HttpServerRequests.METER)
        .tag("method", method)
        .tag("uri", uri)
        .tag("status", status)
        .timer();
  }
}
