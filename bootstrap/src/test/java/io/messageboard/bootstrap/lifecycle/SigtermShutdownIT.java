package io.messageboard.bootstrap.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

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

      try (SlowUpload inFlight = SlowUpload.begin("PUT", jar.apiPort(), "/data/77", edit)) {
        Thread.sleep(300); // lets the server dispatch the request and start reading the body
        jar.terminate();

        assertThat(awaitStatus(jar.managementPort(), "/health/ready", 503, Duration.ofSeconds(2)))
            .as("readiness turns 503 at once")
            .isTrue();
        assertThat(LoopbackHttp.get(jar.apiPort(), "/").statusCode())
            .as("new requests served while draining")
            .isEqualTo(200);
        assertThat(awaitRefused(jar.apiPort(), Duration.ofSeconds(10)))
            .as("API stops accepting after the drain")
            .isTrue();
        assertThat(inFlight.inFlight())
            .as("the upload is still running while the server stops")
            .isTrue();
        Thread.sleep(1_500); // the server waits for the request, not just for a second

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

  private static boolean awaitStatus(int port, String path, int status, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (LoopbackHttp.get(port, path).statusCode() == status) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  private static boolean awaitRefused(int port, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        new Socket(InetAddress.getLoopbackAddress(), port).close();
        Thread.sleep(50);
      } catch (IOException refused) {
        return true;
      }
    }
    return false;
  }
}
