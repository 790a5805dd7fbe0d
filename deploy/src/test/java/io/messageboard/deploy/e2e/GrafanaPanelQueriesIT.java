package io.messageboard.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.adapter.http.contract.EventStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every query of every provisioned Grafana panel returns data from the live Prometheus. */
class GrafanaPanelQueriesIT {

  private static final StackUnderTest STACK = StackUnderTest.fromSystemProperties();
  private static final Path DASHBOARDS = Path.of("grafana", "dashboards").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Duration SCRAPES_AND_EVALUATIONS = Duration.ofSeconds(90);
  private static final Map<String, String> JSON_ONLY = Map.of("Accept", "application/json");

  /** The series the MariaDB dashboard's instance variable takes its values from. */
  private static final String DATABASE_NODES = "mysql_up{job=\"mysqld\"}";

  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\[\\[(\\w+)]]|\\$(\\w+)");

  /** What Grafana puts in place of its built-in variables on a one-hour dashboard. */
  private static final Map<String, String> BUILT_INS =
      Map.of(
          "__rate_interval", "1m",
          "__interval", "15s",
          "__interval_ms", "15000",
          "__range", "5m",
          "__range_s", "300",
          "__range_ms", "300000");

  @BeforeAll
  static void sendTrafficThatEveryPanelShows() throws IOException, InterruptedException {
    // A change-feed listener on each replica (through nginx, one per replica, where they cannot be
    // reached one by one), so that the feed's panels have events sent and a lag to show.
    List<EventStream> listeners =
        (STACK.replicaUrls().isEmpty()
                ? Collections.nCopies(STACK.replicas(), STACK.baseUrl())
                : STACK.replicaUrls())
            .stream().map(url -> EventStream.open(url, Map.of())).toList();
    try {
      sendRequestsThatEveryPanelShows();
      // A change through nginx too: where replicas cannot be reached one by one, the only one.
      ApiClient nginx = STACK.client(STACK.baseUrl());
      String text = JsonText.quote("Grafana feed check " + UUID.randomUUID());
      ApiResponse posted = nginx.post("/api/v1/messages", "{\"text\": " + text + "}");
      assertThat(posted.status()).isEqualTo(201);
      assertThat(nginx.delete("/api/v1/messages/" + posted.json().get("id").asLong()).status())
          .isEqualTo(204);
      for (EventStream listener : listeners) {
        assertThat(listener.nextEvent(Duration.ofSeconds(15))).as("a feed event").isNotNull();
      }
    } finally {
      for (EventStream listener : listeners) {
        listener.close();
      }
    }
  }

  private static void sendRequestsThatEveryPanelShows() {
    for (String replica : STACK.replicaUrls()) {
      ApiClient client = STACK.client(replica);
      client.get("/");
      // A stream refused, for the feed's "streams refused" panel.
      assertThat(client.get("/api/v1/messages/events", JSON_ONLY).status()).isEqualTo(406);
      client.get("/api/v1/messages?limit=2");
      client.get("/data/2147483000");
      // Refused input, so that the "refused input" and "failures" panels have series to show.
      assertThat(client.get("/api/v1/messages?limit=0").status()).isEqualTo(400);
      ApiResponse wrongType =
          client.send(
              "POST",
              "/api/v1/messages",
              Map.of("Content-Type", "text/plain"),
              "hello".getBytes(StandardCharsets.UTF_8));
      assertThat(wrongType.status()).isEqualTo(415);
      // A message posted, edited and deleted.
      String text = JsonText.quote("Grafana panel check " + UUID.randomUUID());
      ApiResponse posted = client.post("/api/v1/messages", "{\"text\": " + text + "}");
      assertThat(posted.status()).as("POST on %s", replica).isEqualTo(201);
      String path = "/api/v1/messages/" + posted.json().get("id").asLong();
      assertThat(client.put(path, "{\"text\": " + text + "}").status()).isEqualTo(200);
      assertThat(client.get(path).status()).isEqualTo(200);
      assertThat(client.delete(path).status()).isEqualTo(204);
      assertThat(client.get(path).status()).isEqualTo(404);
    }
    // Through nginx, well under the rate limit of the e2e run (burst 100). Where replicas cannot
    // be reached one by one, enough refused requests go through nginx for each replica to get some.
    ApiClient nginx = STACK.client(STACK.baseUrl());
    int refusedThroughNginx = STACK.replicaUrls().isEmpty() ? 4 * STACK.replicas() : 0;
    // nginx takes the replicas in turn: each kind of refusal in a run of its own, so that every
    // replica gets some of each (alternating two kinds would give each kind half the replicas).
    for (int i = 0; i < refusedThroughNginx; i++) {
      assertThat(nginx.get("/api/v1/messages?limit=0").status()).isEqualTo(400);
    }
    for (int i = 0; i < refusedThroughNginx; i++) {
      assertThat(nginx.get("/api/v1/messages/events", JSON_ONLY).status()).isEqualTo(406);
    }
    for (int i = 0; i < 10; i++) {
      nginx.get(i % 2 == 0 ? "/" : "/api/v1/messages?limit=1");
    }
  }

  @Test
  void everyPanelQueryReturnsDataForAllReplicasAndNodesAndForOne() throws IOException {
    List<PanelQuery> queries =
        panelQueries().stream().filter(GrafanaPanelQueriesIT::hasItsSourceInThisStack).toList();
    assertThat(queries).as("panel queries in %s", DASHBOARDS).isNotEmpty();

    await()
        .atMost(SCRAPES_AND_EVALUATIONS)
        .pollInterval(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              List<String> replicas = labelValues("replica", "messageboard_info");
              if (STACK.replicaNames().isEmpty()) {
                assertThat(replicas)
                    .as("values of the replica variable (label_values(messageboard_info, replica))")
                    .hasSize(STACK.replicas());
              } else {
                assertThat(replicas)
                    .as("values of the replica variable (label_values(messageboard_info, replica))")
                    .containsExactlyInAnyOrderElementsOf(STACK.replicaNames());
              }
              List<String> nodes = labelValues("instance", DATABASE_NODES);
              assertThat(nodes)
                  .as(
                      "values of the instance variable (label_values(%s, instance))",
                      DATABASE_NODES)
                  .hasSize(STACK.databaseNodes());
              Map<String, String> all =
                  Map.of(
                      "replica", "(" + String.join("|", replicas) + ")",
                      "instance", "(" + String.join("|", nodes) + ")");
              Map<String, String> one =
                  Map.of("replica", replicas.get(0), "instance", nodes.get(0));

              List<String> withoutData = new ArrayList<>();
              int executed = 0;
              for (PanelQuery query : queries) {
                for (Map<String, String> variables : List.of(all, one)) {
                  if (!query.usesAVariable() && variables == one) {
                    continue;
                  }
                  String promql = query.filledIn(variables);
                  executed++;
                  String problem = problemWith(promql);
                  if (problem != null) {
                    withoutData.add(
                        query
                            + (query.usesAVariable() ? " " + variables : "")
                            + ": "
                            + problem
                            + "\n    "
                            + promql);
                  }
                }
              }
              assertThat(withoutData)
                  .as(
                      "panel queries without data (of %d queries of %d panel targets)",
                      executed, queries.size())
                  .isEmpty();
            });
  }

  /** The values Grafana offers for a variable defined as label_values(SERIES, LABEL). */
  private static List<String> labelValues(String label, String series)
      throws IOException, InterruptedException {
    JsonNode body =
        get(
            "/api/v1/label/"
                + label
                + "/values?match[]="
                + URLEncoder.encode(series, StandardCharsets.UTF_8));
    List<String> values = new ArrayList<>();
    body.path("data").forEach(value -> values.add(value.asText()));
    return values.stream().sorted().toList();
  }

  /** Null when the query returns at least one sample, else why not. */
  private static String problemWith(String promql) throws IOException, InterruptedException {
    if (promql.contains("$") || promql.contains("[[")) {
      return "a template variable is left unfilled";
    }
    JsonNode body = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    if (!body.path("status").asText().equals("success")) {
      return body.path("errorType").asText() + ": " + body.path("error").asText();
    }
    JsonNode result = body.path("data").path("result");
    return result.isEmpty() ? "no data" : null;
  }

  private static JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(STACK.prometheusUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    return JSON.readTree(response.body());
  }

  // The access-log counters come from mtail (job nginx-log), which a stack may leave out (the
  // prometheus-jobs setting); their panels are checked only where it runs. The wsrep figures exist
  // only on a
  // Galera node: the Galera row is checked where the stack runs a cluster (the local stack's
  // default, so in CI), not on a single MariaDB.
  private static boolean hasItsSourceInThisStack(PanelQuery query) {
    boolean mtail =
        STACK.prometheusJobs().contains("nginx-log")
            || !query.expr().matches("(?s).*(nginx_http_responses|nginx_upstream_errors).*");
    boolean galera = STACK.galeraNodes() > 0 || !query.expr().contains("_wsrep_");
    return mtail && galera;
  }

  private static List<PanelQuery> panelQueries() throws IOException {
    List<PanelQuery> queries = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(DASHBOARDS)) {
      files = list.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      JsonNode dashboard = JSON.readTree(file.toFile());
      collect(dashboard.path("title").asText(), dashboard.path("panels"), queries);
    }
    return queries;
  }

  private static void collect(String dashboard, JsonNode panels, List<PanelQuery> queries) {
    for (JsonNode panel : panels) {
      for (JsonNode target : panel.path("targets")) {
        if (!target.path("hide").asBoolean(false)) {
          queries.add(
              new PanelQuery(
                  dashboard,
                  panel.path("title").asText(),
                  target.path("refId").asText(),
                  target.path("expr").asText()));
        }
      }
      collect(dashboard, panel.path("panels"), queries);
    }
  }

  /** One target of one panel, as written in the dashboard. */
  private record PanelQuery(String dashboard, String panel, String refId, String expr) {

    boolean usesAVariable() {
      return Stream.of("replica", "instance")
          .anyMatch(name -> expr.contains("$" + name) || expr.contains("${" + name));
    }

    String filledIn(Map<String, String> variables) {
      Map<String, String> all = new LinkedHashMap<>(BUILT_INS);
      all.putAll(variables);
      Matcher matcher = VARIABLE.matcher(expr);
      StringBuilder filled = new StringBuilder();
      while (matcher.find()) {
        String name =
            Stream.of(matcher.group(1), matcher.group(2), matcher.group(3))
                .filter(group -> group != null)
                .findFirst()
                .orElseThrow();
        matcher.appendReplacement(
            filled, Matcher.quoteReplacement(all.getOrDefault(name, matcher.group())));
      }
      matcher.appendTail(filled);
      return filled.toString();
    }

    @Override
    public String toString() {
      return dashboard + " / \"" + panel + "\" [" + refId + "]";
    }
  }
}
