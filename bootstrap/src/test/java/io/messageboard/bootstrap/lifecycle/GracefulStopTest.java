package io.messageboard.bootstrap.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import io.messageboard.bootstrap.management.LoopbackHttp;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GracefulStopTest {

  private final CountDownLatch handlerEntered = new CountDownLatch(1);
  private final CountDownLatch releaseHandler = new CountDownLatch(1);
  private Javalin server;

  @AfterEach
  void release() {
    releaseHandler.countDown();
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void stoppingWaitsForAnInFlightRequestToFinish() throws Exception {
    server = slowServer(Duration.ofSeconds(10));
    CompletableFuture<HttpResponse<String>> inFlight =
        CompletableFuture.supplyAsync(() -> LoopbackHttp.get(server.port(), "/slow"));
    assertThat(handlerEntered.await(5, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Boolean> stopping =
        CompletableFuture.supplyAsync(() -> GracefulStop.stop(server));
    Thread.sleep(
        1_500); // a busy handler outlasts the second Jetty gives silent connections once stopping
    // starts
    assertThat(stopping).as("stop waits while the request runs").isNotDone();
    releaseHandler.countDown();

    HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("finished");
    assertThat(stopping.get(10, TimeUnit.SECONDS)).as("every request finished").isTrue();
  }

  @Test
  void stoppingWaitsForARequestWhoseBodyIsStillArriving() throws Exception {
    server = slowServer(Duration.ofSeconds(10));
    try (SlowUpload upload =
        SlowUpload.begin("POST", server.port(), "/echo", "{\"text\": \"arrives late\"}")) {
      assertThat(handlerEntered.await(5, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<Boolean> stopping =
          CompletableFuture.supplyAsync(() -> GracefulStop.stop(server));
      Thread.sleep(
          1_500); // longer than the second Jetty gives silent connections once stopping starts
      assertThat(upload.inFlight()).isTrue();
      String response = upload.finish();

      assertThat(response).startsWith("HTTP/1.1 200").endsWith("{\"text\": \"arrives late\"}");
      assertThat(stopping.get(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void stoppingRefusesNewConnectionsWhileARequestIsInFlight() throws Exception {
    server = slowServer(Duration.ofSeconds(10));
    int port = server.port();
    CompletableFuture.runAsync(() -> LoopbackHttp.get(port, "/slow"));
    assertThat(handlerEntered.await(5, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
    Thread.sleep(300);

    assertThat(stopping).isNotDone();
    assertThatThrownBy(() -> LoopbackHttp.get(port, "/fast"))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void stoppingGivesUpOnARequestThatOutlivesTheTimeout() throws Exception {
    server = slowServer(Duration.ofMillis(500));
    int port = server.port();
    CompletableFuture.runAsync(() -> LoopbackHttp.get(port, "/slow"));
    assertThat(handlerEntered.await(5, TimeUnit.SECONDS)).isTrue();

    long started = System.nanoTime();
    boolean allFinished = GracefulStop.stop(server);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(allFinished).isFalse();
    assertThat(took)
        .isGreaterThanOrEqualTo(Duration.ofMillis(400))
        .isLessThan(Duration.ofSeconds(5));
    assertThatThrownBy(() -> LoopbackHttp.get(port, "/fast"))
        .isInstanceOf(UncheckedIOException.class);
  }

  private Javalin slowServer(Duration stopTimeout) {
    Javalin javalin =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.routes.get("/fast", ctx -> ctx.result("fast"));
              config.routes.post(
                  "/echo",
                  ctx -> {
                    handlerEntered.countDown();
                    ctx.result(ctx.body().strip());
                  });
              config.routes.get(
                  "/slow",
                  ctx -> {
                    handlerEntered.countDown();
                    releaseHandler.await(20, TimeUnit.SECONDS);
                    ctx.result("finished");
                  });
              GracefulStop.within(stopTimeout).accept(config);
            });
    return javalin.start("127.0.0.1", 0);
  }
}
