package io.messageboard.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.messageboard.adapter.http.contract.ApiClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Prometheus scrapes every part of the stack, and every recording rule has data to show. */
class PrometheusIT {

  private static final StackUnderTest STACK = StackUnderTest.fromSystemProperties();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern JOB_SELECTOR = Pattern.compile("job=\"([^\"]+)\"");
  private static final Duration SCRAPES_AND_EVALUATIONS = Duration.ofSeconds(90);

  @BeforeAll
  static void sendTrafficToEveryReplicaAndThroughNginx() {
    List<ApiClient> clients = new ArrayList<>();
    STACK.replicaUrls().forEach(url -> clients.add(STACK.client(url)));
    clients.add(STACK.client(STACK.baseUrl()));
    for (ApiClient client : clients) {
      for (int i = 0; i < 5; i++) {
        client.get("/");
        client.get("/api/v1/messages?limit=2");
      }
    }
  }

  @Test
  void everyTargetOfEveryJobIsUp() {
    await()
        .atMost(SCRAPES_AND_EVALUATIONS)
        .untilAsserted(
            () -> {
              JsonNode targets = api("/api/v1/targets?state=active").get("activeTargets");
              List<String> jobs = new ArrayList<>();
              for (JsonNode target : targets) {
                jobs.add(target.get("labels").get("job").asText());
                assertThat(target.get("health").asText())
                    .as("%s %s", target.get("scrapeUrl").asText(), target.get("lastError"))
                    .isEqualTo("up");
              }
              List<String> expected = new ArrayList<>();
              for (int i = 0; i < STACK.replicas(); i++) {
                expected.add("messageboard");
              }
              for (String job : STACK.prometheusJobs()) {
                // One mysqld-exporter per database node.
                int count = job.equals("mysqld") ? STACK.databaseNodes() : 1;
                for (int i = 0; i < count; i++) {
                  expected.add(job);
                }
              }
              assertThat(jobs).containsExactlyInAnyOrderElementsOf(expected);
            });
  }

  @Test
  void messageboardInfoShowsTheFourReplicas() {
    await()
        .atMost(SCRAPES_AND_EVALUATIONS)
        .untilAsserted(
            () -> {
              Set<String> replicas = new TreeSet<>();
              for (JsonNode series : query("messageboard_info")) {
                replicas.add(series.get("metric").get("replica").asText());
              }
              if (STACK.replicaNames().isEmpty()) {
                assertThat(replicas).hasSize(STACK.replicas());
              } else {
                assertThat(replicas).containsExactlyElementsOf(STACK.replicaNames());
              }
            });
  }

  @Test
  void everyRecordingRuleReturnsDataAfterSomeTraffic() throws Exception {
    // A rule over a job this stack does not run (prometheus-jobs leaves it out) has no data.
    Set<String> jobs = new TreeSet<>(STACK.prometheusJobs());
    jobs.add("messageboard");
    List<String> records = new ArrayList<>();
    for (JsonNode group : api("/api/v1/rules?type=record").get("groups")) {
      for (JsonNode rule : group.get("rules")) {
        Matcher job = JOB_SELECTOR.matcher(rule.get("query").asText());
        boolean fromThisStack = true;
        while (job.find()) {
          fromThisStack &= jobs.contains(job.group(1));
        }
        if (fromThisStack) {
          records.add(rule.get("name").asText());
        }
      }
    }
    assertThat(records).as("recording rules loaded by Prometheus").isNotEmpty();

    await()
        .atMost(SCRAPES_AND_EVALUATIONS)
        .untilAsserted(
            () -> {
              List<String> empty = new ArrayList<>();
              for (String record : records) {
                if (query(record).isEmpty()) {
                  empty.add(record);
                }
              }
              assertThat(empty).as("recording rules without data").isEmpty();
            });
  }

  @Test
  void theAlertRulesAreLoadedAndOnlyTheWatchdogFiresOnAHealthyStack() throws Exception {
    List<String> firing = new ArrayList<>();
    int alerts = 0;
    for (JsonNode group : api("/api/v1/rules?type=alert").get("groups")) {
      for (JsonNode rule : group.get("rules")) {
        alerts++;
        if (rule.get("state").asText().equals("firing")) {
          firing.add(rule.get("name").asText());
        }
      }
    }
    assertThat(alerts).isPositive();
    assertThat(firing).containsExactly("Watchdog");
  }

  @Test
  void prometheusHandsItsAlertsToAlertmanager() {
    await()
        .atMost(SCRAPES_AND_EVALUATIONS)
        .untilAsserted(
            () -> {
              assertThat(api("/api/v1/alertmanagers").get("activeAlertmanagers")).hasSize(1);
              assertThat(alertmanagerAlerts("Watchdog")).hasSize(1);
            });
  }

  @Test
  void anAlertsRunbookLinkOpensTheRunbookAtItsSection() {
    await()
        .atMost(SCRAPES_AND_EVALUATIONS)
        .untilAsserted(
            () -> {
              JsonNode watchdog = alertmanagerAlerts("Watchdog").get(0);
              String link = watchdog.get("annotations").get("runbook_url").asText();
              assertThat(link).matches("https?://.+#watchdog");
              assertThat(watchdog.get("labels").has("runbook_url"))
                  .as("the runbook address stays out of the alert's labels")
                  .isFalse();
              HttpResponse<String> runbook =
                  HTTP.send(
                      HttpRequest.newBuilder(URI.create(link.substring(0, link.indexOf('#'))))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              assertThat(runbook.statusCode()).isEqualTo(200);
              assertThat(runbook.body()).contains("\n## Watchdog\n");
            });
  }

  @Test
  void prometheusTakesNoLifecycleCommandsOverHttp() throws Exception {
    // /-/reload rather than /-/quit: were the API on, the test would fail without stopping it.
    HttpResponse<String> reload =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(STACK.prometheusUrl() + "/-/reload"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(reload.statusCode()).isEqualTo(403);
    assertThat(reload.body()).contains("Lifecycle API is not enabled");
  }

  /** The alerts named {@code alertname} that Alertmanager holds. */
  private static JsonNode alertmanagerAlerts(String alertname)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        STACK.alertmanagerUrl()
                            + "/api/v2/alerts?filter="
                            + URLEncoder.encode(
                                "alertname=\"" + alertname + "\"", StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static JsonNode query(String promql) throws IOException, InterruptedException {
    return api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
        .get("result");
  }

  private static JsonNode api(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(STACK.prometheusUrl() + pathAndQuery)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("status").asText()).isEqualTo("success");
    return body.get("data");
  }
}
