package io.messageboard.bootstrap.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.javalin.Javalin;
import io.messageboard.bootstrap.management.LoopbackHttp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GracefulStopTest {

  private final CountDownLatch handlerEntered = new CountDownLatch(1);
  private final CountDownLatch releaseHandler = new CountDownLatch(1);
  private final DrainState drainState = new DrainState();
  private @Nullable Javalin server;

  @AfterEach
  void release() {
    releaseHandler.countDown();
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void whileDrainingEveryResponseClosesItsConnectionSoNoProxyKeepsOneIdle() throws Exception {
    server = slowServer(Duration.ofSeconds(10));
    assertThat(LoopbackHttp.get(server.port(), "/fast").headers().firstValue("Connection"))
        .as("before draining, connections are kept alive")
        .isEmpty();

    drainState.startDraining();
    HttpResponse<String> draining = LoopbackHttp.get(server.port(), "/fast");

    assertThat(draining.statusCode()).isEqualTo(200);
    assertThat(draining.body()).isEqualTo("fast");
    assertThat(draining.headers().firstValue("Connection")).contains("close");
  }

  @Test
  void stoppingWaitsForAnInFlightRequestToFinish() throws Exception {
    Javalin slow = slowServer(Duration.ofSeconds(10));
    server = slow;
    CompletableFuture<HttpResponse<String>> inFlight =
        CompletableFuture.supplyAsync(() -> LoopbackHttp.get(slow.port(), "/slow"));
    assertThat(handlerEntered.await(5, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Boolean> stopping =
        CompletableFuture.supplyAsync(() -> GracefulStop.stop(slow));
    // A busy handler outlasts the second Jetty gives silent connections once stopping starts.
    await("stop waits while the request runs")
        .during(Duration.ofMillis(1_500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> !stopping.isDone());
    releaseHandler.countDown();

    HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("finished");
    assertThat(stopping.get(10, TimeUnit.SECONDS)).as("every request finished").isTrue();
  }

  @Test
  void stoppingWaitsForARequestWhoseBodyIsStillArriving() throws Exception {
    Javalin slow = slowServer(Duration.ofSeconds(10));
    server = slow;
    try (SlowUpload upload =
        SlowUpload.begin("POST", slow.port(), "/echo", "{\"text\": \"arrives late\"}")) {
      assertThat(handlerEntered.await(5, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<Boolean> stopping =
          CompletableFuture.supplyAsync(() -> GracefulStop.stop(slow));
      // Longer than the second Jetty gives silent connections once stopping starts.
      await("the upload stays in flight while the server stops")
          .during(Duration.ofMillis(1_500))
          .atMost(Duration.ofSeconds(5))
          .until(upload::inFlight);
      String response = upload.finish();

      assertThat(response).startsWith("HTTP/1.1 200").endsWith("{\"text\": \"arrives late\"}");
      assertThat(stopping.get(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void stoppingRefusesNewConnectionsWhileARequestIsInFlight() throws Exception {
    server = slowServer(Duration.ofSeconds(10));
    int port = server.port();
    // Never completes normally: the server gives up on it or is stopped under it.
    var unused = CompletableFuture.runAsync(() -> LoopbackHttp.get(port, "/slow"));
    assertThat(handlerEntered.await(5, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);

    awaitNewConnectionsRefused(port);
    assertThat(stopping).as("while the request is still in flight").isNotDone();
  }

  @Test
  void aRequestOnAConnectionAcceptedBeforeTheStopIsServedNotRefused() throws Exception {
    Javalin stoppingServer = slowServer(Duration.ofSeconds(10), Duration.ofSeconds(5));
    server = stoppingServer;
    int port = stoppingServer.port();
    try (Socket early = new Socket(InetAddress.getLoopbackAddress(), port)) {
      early.setSoTimeout(10_000);
      assertThat(exchange(early)).as("the connection is accepted").startsWith("HTTP/1.1 200");

      CompletableFuture<Boolean> stopping =
          CompletableFuture.supplyAsync(() -> GracefulStop.stop(stoppingServer));
      awaitNewConnectionsRefused(port);

      assertThat(exchange(early)).startsWith("HTTP/1.1 200");
      assertThat(stopping.get(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static void awaitNewConnectionsRefused(int port) {
    await("new connections are refused")
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThatThrownBy(() -> LoopbackHttp.get(port, "/fast"))
                    .isInstanceOf(UncheckedIOException.class));
  }

  /** One GET /fast on {@code socket}, kept alive; the status line and headers it got. */
  private static String exchange(Socket socket) throws IOException {
    socket
        .getOutputStream()
        .write("GET /fast HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    BufferedReader in =
        new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    StringBuilder head = new StringBuilder();
    int contentLength = 0;
    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
      head.append(line).append('\n');
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        contentLength = Integer.parseInt(line.substring("content-length:".length()).strip());
      }
    }
    for (int i = 0; i < contentLength; i++) {
      in.read();
    }
    return head.toString();
  }

  @Test
  void stoppingGivesUpOnARequestThatOutlivesTheTimeout() throws Exception {
    // Long enough that stopping's own work is small beside it, so the ceiling can be 2.5 times the
    // timeout: a timeout set ten times too long (or the handler's 20 s wait) would break it.
    Duration timeout = Duration.ofSeconds(2);
    server = slowServer(timeout);
    int port = server.port();
    // Never completes normally: the server gives up on it or is stopped under it.
    var unused = CompletableFuture.runAsync(() -> LoopbackHttp.get(port, "/slow"));
    assertThat(handlerEntered.await(5, TimeUnit.SECONDS)).isTrue();

    long started = System.nanoTime();
    boolean allFinished = GracefulStop.stop(server);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(allFinished).isFalse();
    assertThat(took)
        .isGreaterThanOrEqualTo(timeout.minusMillis(100))
        .isLessThan(timeout.multipliedBy(5).dividedBy(2));
    assertThatThrownBy(() -> LoopbackHttp.get(port, "/fast"))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void onlyAnExpiredWaitCountsAsRequestsLeftRunning() {
    assertThat(GracefulStop.isExpiredWait(new IllegalStateException(new TimeoutException())))
        .isTrue();
    assertThat(GracefulStop.isExpiredWait(new IllegalStateException("port already closed")))
        .as("other failures to stop are rethrown, not reported as a timeout")
        .isFalse();
  }

  private Javalin slowServer(Duration stopTimeout) {
    return slowServer(stopTimeout, GracefulStop.LAST_REQUESTS);
  }

  private Javalin slowServer(Duration stopTimeout, Duration lastRequests) {
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
              GracefulStop.within(stopTimeout, drainState, lastRequests).accept(config);
            });
    return javalin.start("127.0.0.1", 0);
  }
}
