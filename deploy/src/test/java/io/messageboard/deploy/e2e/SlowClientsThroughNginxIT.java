package io.messageboard.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * A bounded slowloris on loopback through the stack's nginx: connections that stall or trickle
 * their headers are closed once nginx's client_header_timeout (10 s) has passed, while another
 * client keeps being served quickly.
 */
class SlowClientsThroughNginxIT {

  private static final StackUnderTest STACK = StackUnderTest.fromSystemProperties();
  private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(10);
  private static final int STALLED = 40;
  private static final int TRICKLING = 10;

  @Test
  void slowHeadersAreCutOffAfterTheHeaderTimeoutWhileOthersAreServed() throws Exception {
    URI base = URI.create(STACK.baseUrl());
    ExecutorService clients = Executors.newFixedThreadPool(STALLED + TRICKLING);
    try {
      List<Future<Duration>> stalled = new ArrayList<>();
      for (int i = 0; i < STALLED; i++) {
        stalled.add(clients.submit(() -> slowHeaders(base, Duration.ZERO)));
      }
      List<Future<Duration>> trickling = new ArrayList<>();
      for (int i = 0; i < TRICKLING; i++) {
        trickling.add(clients.submit(() -> slowHeaders(base, Duration.ofSeconds(1))));
      }

      List<Long> servedMillis = new ArrayList<>();
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      for (int i = 0; i < 20; i++) {
        long started = System.nanoTime();
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(base.resolve("/api/v1/messages?limit=1"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        servedMillis.add((System.nanoTime() - started) / 1_000_000);
        Thread.sleep(250);
      }

      List<Long> stalledCut = millis(stalled);
      List<Long> tricklingCut = millis(trickling);
      long slowestServed = servedMillis.stream().mapToLong(Long::longValue).max().orElseThrow();
      System.out.printf(
          "slowloris through nginx: %d stalled connections closed after %d-%d ms, %d trickling"
              + " (a header byte a second) closed after %d-%d ms; %d other requests served"
              + " meanwhile, slowest in %d ms%n",
          STALLED,
          stalledCut.get(0),
          stalledCut.get(stalledCut.size() - 1),
          TRICKLING,
          tricklingCut.get(0),
          tricklingCut.get(tricklingCut.size() - 1),
          servedMillis.size(),
          slowestServed);

      assertThat(slowestServed).isLessThan(1_000);
      for (List<Long> cut : List.of(stalledCut, tricklingCut)) {
        assertThat(cut)
            .allSatisfy(
                ms ->
                    assertThat(ms)
                        .isBetween(
                            HEADER_TIMEOUT.toMillis() - 500, HEADER_TIMEOUT.toMillis() + 5_000));
      }
    } finally {
      clients.shutdownNow();
    }
  }

  /** A connection to nginx; over HTTPS, with the handshake done (trusting the stack's CA). */
  private static Socket connect(URI base) throws IOException {
    if (!base.getScheme().equals("https")) {
      return new Socket(base.getHost(), base.getPort());
    }
    try {
      SSLSocket socket =
          (SSLSocket)
              SSLContext.getDefault()
                  .getSocketFactory()
                  .createSocket(base.getHost(), base.getPort());
      socket.startHandshake();
      return socket;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends a request line and a partial header, then a header byte every {@code interval} (never, if
   * zero); returns how long after connecting nginx closed the connection.
   */
  private static Duration slowHeaders(URI base, Duration interval) throws IOException {
    long started = System.nanoTime();
    try (Socket socket = connect(base)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/v1/messages HTTP/1.1\r\nHost: " + base.getHost() + "\r\nX-Slow: ")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      socket.setSoTimeout(interval.isZero() ? 30_000 : (int) interval.toMillis());
      InputStream in = socket.getInputStream();
      while (System.nanoTime() - started < Duration.ofSeconds(30).toNanos()) {
        try {
          if (in.read() < 0) {
            break;
          }
        } catch (SocketTimeoutException quiet) {
          try {
            out.write('a');
            out.flush();
          } catch (IOException closed) {
            break;
          }
        } catch (IOException reset) {
          break;
        }
      }
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  private static List<Long> millis(List<Future<Duration>> futures) throws Exception {
    List<Long> all = new ArrayList<>();
    for (Future<Duration> future : futures) {
      all.add(future.get().toMillis());
    }
    all.sort(null);
    return all;
  }
}
