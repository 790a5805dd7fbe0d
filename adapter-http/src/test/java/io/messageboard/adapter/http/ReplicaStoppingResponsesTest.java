package io.messageboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javalin.Javalin;
import io.messageboard.adapter.http.auth.BearerTokens;
import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.adapter.http.contract.ContractValidator;
import io.messageboard.domain.failure.MessageNotFoundException;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.StoredMessages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * While a replica stops gracefully, Jetty refuses new requests on connections that are still open
 * with 503; they get the {@code replica-unavailable} problem with {@code Retry-After}, as the
 * contract promises for every 503, so that the client (or nginx) retries elsewhere.
 */
class ReplicaStoppingResponsesTest {

  private static final MessageId SLOW = new MessageId(1);
  private static final InetAddress LOOPBACK = loopback();
  private static final Instant AT = Instant.parse("2026-02-03T04:05:06.789Z");

  private final CountDownLatch slowReadEntered = new CountDownLatch(1);
  private final CountDownLatch releaseSlowRead = new CountDownLatch(1);
  private final GracefulHandler graceful = new GracefulHandler();
  private final Javalin app = start();

  @AfterEach
  void stop() {
    releaseSlowRead.countDown();
    app.stop();
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private Javalin start() {
    UseCaseStubs stubs = UseCaseStubs.emptyStore();
    stubs.get =
        id -> {
          if (!id.equals(SLOW)) {
            throw new MessageNotFoundException(id.value());
          }
          slowReadEntered.countDown();
          awaitRelease();
          return StoredMessages.restore(SLOW, "slow", "stub-replica", AT, AT, 1);
        };
    // Jetty closes connections silent for a second once stopping starts (the default); ten
    // seconds keep the test's open connection from racing that.
    graceful.setShutdownIdleTimeout(10_000);
    return HttpApi.create(
            stubs.v1Routes(),
            stubs.eventsRoute(),
            stubs.legacyRoutes(StubbedApi.REPLICA),
            StubbedApi.REPLICA,
            BearerTokens.none(),
            request -> {},
            config ->
                config.jetty.modifyServer(
                    server -> {
                      server.setHandler(graceful);
                      server.setStopTimeout(10_000);
                    }))
        .start("127.0.0.1", 0);
  }

  private void awaitRelease() {
    try {
      releaseSlowRead.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aNewRequestWhileTheReplicaStopsIsReplicaUnavailableWithRetryAfter() throws Exception {
    CompletableFuture<ApiResponse> inFlight;
    CompletableFuture<Void> stopping;
    ApiResponse refused;
    try (Socket open = connect()) {
      assertThat(exchange(open, "/api/v1/messages/2", "").status())
          .as("the connection is served and kept open before the stop")
          .isEqualTo(404);
      inFlight = CompletableFuture.supplyAsync(this::slowRead);
      assertThat(slowReadEntered.await(5, TimeUnit.SECONDS)).isTrue();

      stopping = CompletableFuture.runAsync(app::stop);
      await("stopping starts").atMost(Duration.ofSeconds(5)).until(graceful::isShutdown);
      refused = exchange(open, "/api/v1/messages/2", "");
    }

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.header("Retry-After")).hasValue("1");
    assertThat(refused.header("Content-Type")).hasValue("application/problem+json");
    assertThat(refused.header("X-Served-By")).hasValue("stub-replica");
    assertThat(refused.json().path("type").asText())
        .isEqualTo("urn:messageboard:problem:replica-unavailable");
    assertThat(refused.json().path("title").asText()).isEqualTo("Replica unavailable");
    assertThat(ContractValidator.violations("GET", "/api/v1/messages/2", refused)).isEmpty();
    assertThat(stopping).as("the request in flight holds the stop").isNotDone();

    releaseSlowRead.countDown();
    assertThat(inFlight.get(10, TimeUnit.SECONDS).status())
        .as("the request in flight still finishes")
        .isEqualTo(200);
    stopping.get(10, TimeUnit.SECONDS);
  }

  private ApiResponse slowRead() {
    try (Socket socket = connect()) {
      return exchange(socket, "/api/v1/messages/" + SLOW.value(), "Connection: close\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(LOOPBACK, app.port()), 5_000);
    socket.setSoTimeout(10_000);
    return socket;
  }

  /** One GET with extra header lines; reads the response by its Content-Length. */
  private static ApiResponse exchange(Socket socket, String path, String headerLines)
      throws IOException {
    socket
        .getOutputStream()
        .write(
            ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headerLines + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
    InputStream in = socket.getInputStream();
    String statusLine = line(in);
    Map<String, List<String>> headers = new TreeMap<>();
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      headers
          .computeIfAbsent(
              header.substring(0, colon).toLowerCase(Locale.ROOT), n -> new ArrayList<>())
          .add(header.substring(colon + 1).strip());
    }
    List<String> length = headers.get("content-length");
    if (length == null) {
      throw new IOException("response without Content-Length: " + statusLine);
    }
    return new ApiResponse(
        Integer.parseInt(statusLine.substring("HTTP/1.1 ".length(), "HTTP/1.1 200".length())),
        headers,
        in.readNBytes(Integer.parseInt(length.get(0))));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed mid-response");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
