package io.messageboard.bootstrap.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.messageboard.bootstrap.management.LoopbackHttp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the packaged jar and stops it the way an orchestrator does. */
class SigtermShutdownIT {

  @Test
  void sigtermDrainsThenFinishesTheInFlightRequestAndExitsZero() throws Exception {
    try (RunningJar jar =
        RunningJar.start(
            Map.of("MESSAGEBOARD_SHUTDOWN_DRAIN", "3s", "MESSAGEBOARD_SHUTDOWN_TIMEOUT", "15s"))) {
      assertThat(LoopbackHttp.get(jar.managementPort(), "/health/ready").statusCode())
          .isEqualTo(200);
      assertThat(
              LoopbackHttp.postJson(jar.apiPort(), "/data", "{\"clid\": 77, \"mess\": \"before\"}")
                  .statusCode())
          .isEqualTo(201);
      String edit = "{\"mess\": \"edited after SIGTERM\"}";

      // The request is on the wire before SIGTERM; the 3 s drain serves it even if the server has
      // not dispatched it yet when the signal arrives.
      try (SlowUpload inFlight = SlowUpload.begin("PUT", jar.apiPort(), "/data/77", edit)) {
        jar.terminate();

        await("readiness turns 503 at once")
            .atMost(Duration.ofSeconds(2))
            .pollInterval(Duration.ofMillis(20))
            .until(
                () -> LoopbackHttp.get(jar.managementPort(), "/health/ready").statusCode() == 503);
        assertThat(LoopbackHttp.get(jar.apiPort(), "/").statusCode())
            .as("new requests served while draining")
            .isEqualTo(200);
        await("API stops accepting after the drain")
            .atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> refusesConnections(jar.apiPort()));
        await("the server waits for the upload, not just for a second")
            .during(Duration.ofMillis(1_500))
            .atMost(Duration.ofSeconds(5))
            .until(inFlight::inFlight);

        String response = inFlight.finish();
        assertThat(response).startsWith("HTTP/1.1 200").contains("Data updated successfully");
      }
      long finished = System.nanoTime();
      assertThat(jar.awaitExit(Duration.ofSeconds(20))).as("exit code").isZero();
      assertThat(Duration.ofNanos(System.nanoTime() - finished))
          .as(
              "exits once the request is done, not at the 15 s shutdown timeout (idle keep-alive connections do not hold it)")
          .isLessThan(Duration.ofSeconds(5));
      assertThat(jar.lines()).anyMatch(line -> line.contains("PUT /data/{id} 200"));
    }
  }

  @Test
  void sigtermWithoutTrafficExitsZeroAfterTheDrain() throws Exception {
    try (RunningJar jar = RunningJar.start(Map.of("MESSAGEBOARD_SHUTDOWN_DRAIN", "500ms"))) {
      long started = System.nanoTime();
      jar.terminate();

      assertThat(jar.awaitExit(Duration.ofSeconds(20))).isZero();
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isGreaterThanOrEqualTo(Duration.ofMillis(500));
      assertThat(jar.lines())
          .anyMatch(line -> line.contains("Shutting down"))
          .anyMatch(line -> line.endsWith("Stopped"));
    }
  }

  private static boolean refusesConnections(int port) {
    try {
      new Socket(InetAddress.getLoopbackAddress(), port).close();
      return false;
    } catch (IOException refused) {
      return true;
    }
  }
}
