package io.messageboard.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.bootstrap.Application;
import io.messageboard.bootstrap.config.Setting;
import io.messageboard.bootstrap.config.TestSettings;
import io.messageboard.bootstrap.server.SlowClient.Outcome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Slowloris-style clients on loopback against the whole service: while many connections stall in
 * their headers or trickle their bodies, another client is still served quickly; the stalled ones
 * are closed once the idle timeout passes, the trickling ones refused for being too slow, and no
 * more connections than the cap are ever served at once.
 */
class SlowClientsTest {

  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(3);
  private static final int STALLED_HEADERS = 100;
  private static final int TRICKLED_BODIES = 20;
  private static final String PARTIAL_HEADERS =
      "GET /api/v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
  private static final String BODY_HEAD =
      """
      POST /api/v1/messages HTTP/1.1\r
      Host: 127.0.0.1\r
      Content-Type: application/json\r
      Content-Length: 200\r
      \r
      """;

  @Test
  void otherClientsAreServedWhileSlowOnesAreCutOffAfterTheTimeout() throws Exception {
    Application application =
        new Application(
                TestSettings.inMemory(
                    Map.of(
                        Setting.HTTP_IDLE_TIMEOUT.environmentVariable(),
                        IDLE_TIMEOUT.toSeconds() + "s")))
            .start();
    ExecutorService clients = Executors.newFixedThreadPool(STALLED_HEADERS + TRICKLED_BODIES);
    try {
      int port = application.httpPort();
      List<Future<Outcome>> stalled = new ArrayList<>();
      for (int i = 0; i < STALLED_HEADERS; i++) {
        stalled.add(clients.submit(() -> stall(port)));
      }
      List<Future<Outcome>> trickled = new ArrayList<>();
      for (int i = 0; i < TRICKLED_BODIES; i++) {
        trickled.add(clients.submit(() -> trickleBody(port)));
      }

      List<Duration> served = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        served.add(timedGet(port));
        Thread.sleep(50);
      }

      List<Outcome> stalledOutcomes = outcomes(stalled);
      List<Outcome> trickledOutcomes = outcomes(trickled);
      Duration slowestServed = served.stream().max(Comparator.naturalOrder()).orElseThrow();
      System.out.printf(
          "slow clients: %d stalled-header connections closed after %s; %d trickled bodies"
              + " refused after %s; %d other requests served meanwhile, slowest in %d ms%n",
          STALLED_HEADERS,
          range(stalledOutcomes),
          TRICKLED_BODIES,
          range(trickledOutcomes),
          served.size(),
          slowestServed.toMillis());

      // Served while the stalled connections were still open: before the idle timeout cut them.
      assertThat(slowestServed).isLessThan(IDLE_TIMEOUT.minusSeconds(1));
      assertThat(stalledOutcomes)
          .allSatisfy(
              outcome -> {
                assertThat(outcome.wasCut()).as("closed by the server").isTrue();
                assertThat(outcome.cutAfter())
                    .isBetween(IDLE_TIMEOUT.minusMillis(100), IDLE_TIMEOUT.plusSeconds(3));
              });
      assertThat(trickledOutcomes)
          .allSatisfy(
              outcome -> {
                assertThat(outcome.wasCut()).as("refused by the server").isTrue();
                assertThat(outcome.response()).startsWith("HTTP/1.1 408");
                assertThat(outcome.cutAfter()).isLessThan(Duration.ofSeconds(5));
              });
    } finally {
      clients.shutdownNow();
      application.stop();
    }
  }

  @Test
  void noMoreConnectionsThanTheCapAreServedAtOnce() throws Exception {
    int cap = 20;
    Duration idleTimeout = Duration.ofSeconds(1);
    Application application =
        new Application(
                TestSettings.inMemory(
                    Map.of(
                        Setting.HTTP_IDLE_TIMEOUT.environmentVariable(),
                        idleTimeout.toSeconds() + "s",
                        Setting.HTTP_MAX_CONNECTIONS.environmentVariable(),
                        Integer.toString(cap))))
            .start();
    ExecutorService clients = Executors.newFixedThreadPool(cap);
    try {
      int port = application.httpPort();
      List<Future<Outcome>> stalled = new ArrayList<>();
      for (int i = 0; i < cap; i++) {
        stalled.add(clients.submit(() -> stall(port)));
      }
      Thread.sleep(200);

      Duration waited = timedGet(port);
      System.out.printf(
          "connection cap %d: with every slot held, one more request waited %d ms (idle timeout"
              + " %d ms)%n",
          cap, waited.toMillis(), idleTimeout.toMillis());

      // Served at once were a slot free; it waits until the stalled ones are cut at the timeout
      // (they started 200 ms before it).
      assertThat(waited).isGreaterThan(idleTimeout.minusMillis(400));
      assertThat(outcomes(stalled)).allSatisfy(outcome -> assertThat(outcome.wasCut()).isTrue());
    } finally {
      clients.shutdownNow();
      application.stop();
    }
  }

  private static Outcome stall(int port) throws Exception {
    try (SlowClient slow = SlowClient.start(port, PARTIAL_HEADERS)) {
      return slow.trickleUntilCut("", Duration.ofMillis(100), Duration.ofSeconds(10));
    }
  }

  private static Outcome trickleBody(int port) throws Exception {
    try (SlowClient slow = SlowClient.start(port, BODY_HEAD)) {
      return slow.trickleUntilCut(" ", Duration.ofMillis(200), Duration.ofSeconds(10));
    }
  }

  /** One GET on a connection of its own (a new client each time: no reused connection). */
  private static Duration timedGet(int port) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    long started = System.nanoTime();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/messages"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return Duration.ofNanos(System.nanoTime() - started);
  }

  private static List<Outcome> outcomes(List<Future<Outcome>> futures) throws Exception {
    List<Outcome> outcomes = new ArrayList<>();
    for (Future<Outcome> future : futures) {
      outcomes.add(future.get());
    }
    return outcomes;
  }

  private static String range(List<Outcome> outcomes) {
    List<Long> millis =
        outcomes.stream()
            .map(Outcome::cutAfter)
            .filter(Objects::nonNull)
            .map(Duration::toMillis)
            .sorted()
            .toList();
    if (millis.isEmpty()) {
      return "never";
    }
    return "%d-%d ms (median %d)"
        .formatted(millis.get(0), millis.get(millis.size() - 1), millis.get(millis.size() / 2));
  }
}
