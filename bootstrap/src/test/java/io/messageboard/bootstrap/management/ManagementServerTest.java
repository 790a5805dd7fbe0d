package io.messageboard.bootstrap.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.metrics.PrometheusMetrics;
import io.messageboard.bootstrap.lifecycle.DrainState;
import io.messageboard.domain.model.ReplicaId;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManagementServerTest {

  private final FakeStorage storage = new FakeStorage();
  private final DrainState drainState = new DrainState();
  private final PrometheusMetrics metrics = PrometheusMetrics.create(new ReplicaId("m1"), "test");
  private ManagementServer server;

  @BeforeEach
  void start() {
    server =
        ManagementServer.start("127.0.0.1", 0, metrics, new ReadinessCheck(storage, drainState));
  }

  @AfterEach
  void stop() {
    server.stop();
    metrics.close();
  }

  @Test
  void servesMetricsInPrometheusTextFormat() {
    HttpResponse<String> response = LoopbackHttp.get(server.port(), "/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(
            type -> assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
    assertThat(response.body())
        .contains("# TYPE messageboard_info gauge")
        .contains("jvm_memory_used_bytes{");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/metrics", "/health/live", "/health/ready", "/no/such/path"})
  void answersAreNeverStoredNorSniffedAndNameNoServer(String path) {
    HttpResponse<String> response = LoopbackHttp.get(server.port(), path);

    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("Server")).isEmpty();
  }

  @Test
  void livenessAnswersWithoutProbingStorage() {
    storage.reachable.set(false);

    HttpResponse<String> response = LoopbackHttp.get(server.port(), "/health/live");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(storage.probes).hasValue(0);
  }

  @Test
  void readinessFollowsStorageReachability() {
    assertThat(LoopbackHttp.get(server.port(), "/health/ready").statusCode()).isEqualTo(200);

    storage.reachable.set(false);
    HttpResponse<String> down = LoopbackHttp.get(server.port(), "/health/ready");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\",\"failedCheck\":\"storage\"}");
    assertThat(down.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));

    storage.reachable.set(true);
    assertThat(LoopbackHttp.get(server.port(), "/health/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void readinessReportsStorageWhenTheProbeItselfBreaks() {
    storage.probeThrows.set(true);

    HttpResponse<String> response = LoopbackHttp.get(server.port(), "/health/ready");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("\"failedCheck\":\"storage\"");
  }

  @Test
  void readinessProbesStorageWithAShortTimeout() {
    LoopbackHttp.get(server.port(), "/health/ready");

    assertThat(storage.lastTimeout.get()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void readinessReportsTheSchemaWhileItIsNotThisReleasesEvenWithStorageReachable() {
    storage.schemaReady.set(false);

    HttpResponse<String> waiting = LoopbackHttp.get(server.port(), "/health/ready");
    storage.schemaReady.set(true);
    HttpResponse<String> migrated = LoopbackHttp.get(server.port(), "/health/ready");

    assertThat(waiting.statusCode()).isEqualTo(503);
    assertThat(waiting.body()).isEqualTo("{\"status\":\"DOWN\",\"failedCheck\":\"schema\"}");
    assertThat(migrated.statusCode()).isEqualTo(200);
  }

  @Test
  void readinessReportsDrainingBeforeTheSchema() {
    storage.schemaReady.set(false);
    drainState.startDraining();

    HttpResponse<String> response = LoopbackHttp.get(server.port(), "/health/ready");

    assertThat(response.body()).contains("\"failedCheck\":\"draining\"");
  }

  @Test
  void readinessReportsDrainingOnceDrainStarts() {
    drainState.startDraining();

    HttpResponse<String> response = LoopbackHttp.get(server.port(), "/health/ready");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("\"failedCheck\":\"draining\"");
  }

  @Test
  void unknownManagementPathsAreNotFound() {
    assertThat(LoopbackHttp.get(server.port(), "/api/v1/messages").statusCode()).isEqualTo(404);
  }
}
