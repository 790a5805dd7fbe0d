package io.messageboard.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.messageboard.deploy.e2e.StackUnderTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Alerts reach someone: with the stack's receivers pointed at a webhook receiver on loopback, a
 * replica stopped for good makes MessageboardReplicaDown arrive at the ticket receiver within its
 * {@code for:} plus the group wait, Alertmanager shows it meanwhile, its resolution arrives after
 * the replica is back, and the Watchdog keeps arriving at the heartbeat receiver.
 */
class AlertDeliveredIT {

  private static final List<String> RECEIVERS = List.of("page", "ticket", "heartbeat");
  private static final String VICTIM = "app-4";
  private static final String ALERT = "MessageboardReplicaDown";
  // The alert's for: (deploy/prometheus/rules) and the warning route's group wait
  // (deploy/alertmanager), plus scrape, evaluation and sending: 5 s each, rounded up.
  private static final Duration FOR_AND_GROUP_WAIT = Duration.ofMinutes(2).plusSeconds(30);
  private static final Duration PIPELINE_SLACK = Duration.ofSeconds(30);
  // The group interval after which a resolution in a notified group goes out, plus the same slack.
  private static final Duration RESOLUTION = Duration.ofMinutes(1).plus(PIPELINE_SLACK);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final LocalStack local = new LocalStack(StackUnderTest.fromSystemProperties());

  @Test
  void aStoppedReplicasAlertArrivesThenItsResolutionAndTheWatchdogKeepsComing() throws Exception {
    Map<String, String> before = new LinkedHashMap<>();
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      for (String name : RECEIVERS) {
        before.put(name, local.stackScript(Duration.ofSeconds(30), "alert-webhook", name).strip());
        local.stackScript(Duration.ofSeconds(30), "alert-webhook", name, receiver.url(name));
      }
      try {
        deliversAndResolves(receiver);
      } finally {
        if (local.readinessStatus(VICTIM) != 200) {
          local.start(VICTIM);
        }
        before.forEach(
            (name, url) -> local.stackScript(Duration.ofSeconds(30), "alert-webhook", name, url));
      }
    }
  }

  private void deliversAndResolves(WebhookReceiver receiver) throws Exception {
    long configured = System.nanoTime();
    local.stop(VICTIM);
    long stopped = System.nanoTime();

    WebhookReceiver.Notification firing =
        awaitNotification(
            receiver, "ticket", ALERT, "firing", stopped, FOR_AND_GROUP_WAIT.plus(PIPELINE_SLACK));
    long firingMillis = (firing.arrivedNanos() - stopped) / 1_000_000;
    assertThat(alertmanagerShows(ALERT, VICTIM)).as("%s in Alertmanager's API", ALERT).isTrue();

    local.start(VICTIM);
    long readyMillis = local.awaitAllReady(Duration.ofSeconds(90), stopped);
    long restarted = System.nanoTime();
    WebhookReceiver.Notification resolved =
        awaitNotification(receiver, "ticket", ALERT, "resolved", restarted, RESOLUTION);
    long resolvedMillis = (resolved.arrivedNanos() - restarted) / 1_000_000;
    WebhookReceiver.Notification heartbeat =
        awaitNotification(receiver, "heartbeat", "Watchdog", "firing", configured, RESOLUTION);

    System.out.printf(
        "%nAlert delivery: %s stopped; %s (replica=%s) arrived at the ticket receiver after %.1f s"
            + " (for: %d s plus group wait); started again, it was ready %.1f s after the stop and"
            + " the resolution arrived %.1f s after that; the Watchdog reached the heartbeat receiver %.1f s after the"
            + " webhooks were set%n",
        VICTIM,
        ALERT,
        VICTIM,
        firingMillis / 1000.0,
        Duration.ofMinutes(2).toSeconds(),
        readyMillis / 1000.0,
        resolvedMillis / 1000.0,
        (heartbeat.arrivedNanos() - configured) / 1e9);
    assertThat(Duration.ofMillis(firingMillis))
        .as("firing notification after the stop")
        .isGreaterThanOrEqualTo(Duration.ofMinutes(2))
        .isLessThanOrEqualTo(FOR_AND_GROUP_WAIT.plus(PIPELINE_SLACK));
    assertThat(firing.body().path("receiver").asText()).isEqualTo("ticket");
    assertThat(receiver.first("page", ALERT, "replica", VICTIM, "firing", stopped))
        .as("a warning never pages")
        .isEmpty();
  }

  private static WebhookReceiver.Notification awaitNotification(
      WebhookReceiver receiver,
      String to,
      String alertname,
      String status,
      long sinceNanos,
      Duration atMost) {
    String key = alertname.equals("Watchdog") ? "severity" : "replica";
    String value = alertname.equals("Watchdog") ? "none" : VICTIM;
    AtomicReference<Optional<WebhookReceiver.Notification>> found =
        new AtomicReference<>(Optional.empty());
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              found.set(receiver.first(to, alertname, key, value, status, sinceNanos));
              return found.get().isPresent();
            });
    return found.get().orElseThrow();
  }

  /** Whether Alertmanager's API (what its UI shows) lists the alert for that replica as active. */
  private static boolean alertmanagerShows(String alertname, String replica) throws Exception {
    String filter =
        URLEncoder.encode("alertname=\"" + alertname + "\"", StandardCharsets.UTF_8)
            + "&filter="
            + URLEncoder.encode("replica=\"" + replica + "\"", StandardCharsets.UTF_8);
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        StackUnderTest.topology().first("alertmanager").url()
                            + "/api/v2/alerts?active=true&filter="
                            + filter))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 && response.body().contains("\"" + replica + "\"");
  }
}
