package io.messageboard.deploy.config;

import static io.messageboard.deploy.config.ExternalTool.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The dashboards ship to Kubernetes as ConfigMaps for Grafana's sidecar, unchanged, each where the
 * jobs its queries select are scraped; the datasource they name ships with them. (That the
 * generated files are current, KubernetesPrometheusRuleTest checks for every file
 * deploy/k8s/generate writes.)
 */
class KubernetesDashboardsTest {

  static final List<String> KUSTOMIZATIONS = RenderedManifests.KUSTOMIZATIONS;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DASHBOARDS = DEPLOY.resolve("grafana/dashboards");

  @Test
  void theDefaultRenderingShipsTheServiceDashboardAndItsDatasource() throws Exception {
    assertThat(dashboardsIn(RenderedManifests.render("k8s")))
        .containsOnlyKeys("messageboard-service.json");
    JsonNode datasource =
        RenderedManifests.parse(
                RenderedManifests.render("k8s")
                    .named("ConfigMap", "messageboard-grafana-datasource")
                    .path("data")
                    .path("prometheus.yml")
                    .asText())
            .get(0)
            .path("datasources")
            .get(0);

    assertThat(datasource.path("uid").asText()).isEqualTo("messageboard-prometheus");
    assertThat(datasource.path("url").asText()).isEqualTo("http://prometheus-operated:9090");
  }

  @Test
  void theClusterOverlayAddsTheMariaDbDashboard() throws Exception {
    assertThat(dashboardsIn(RenderedManifests.render("k8s/overlays/mariadb-operator")))
        .containsOnlyKeys("messageboard-service.json", "mariadb.json");
  }

  @ParameterizedTest
  @FieldSource("KUSTOMIZATIONS")
  void everyShippedDashboardIsTheSharedFileAndQueriesOnlyScrapedJobs(String kustomization)
      throws Exception {
    RenderedManifests rendered = RenderedManifests.render(kustomization);
    Set<String> scraped = KubernetesScrapeJobs.of(rendered);

    for (Map.Entry<String, JsonNode> dashboard : dashboardsIn(rendered).entrySet()) {
      assertThat(dashboard.getValue())
          .as(dashboard.getKey())
          .isEqualTo(JSON.readTree(DASHBOARDS.resolve(dashboard.getKey()).toFile()));
      assertThat(scraped)
          .as("jobs %s queries", dashboard.getKey())
          .containsAll(jobsQueried(dashboard.getValue()));
    }
  }

  @Test
  void theNginxDashboardQueriesJobsNoKubernetesRenderingScrapes() throws Exception {
    Set<String> nginxJobs = jobsQueried(JSON.readTree(DASHBOARDS.resolve("nginx.json").toFile()));

    assertThat(nginxJobs).containsExactlyInAnyOrder("nginx", "nginx-log");
    for (String kustomization : KUSTOMIZATIONS) {
      assertThat(KubernetesScrapeJobs.of(RenderedManifests.render(kustomization)))
          .doesNotContainAnyElementsOf(nginxJobs);
    }
  }

  /** The sidecar's dashboards of a rendering: file name to parsed JSON. */
  private static Map<String, JsonNode> dashboardsIn(RenderedManifests rendered) throws Exception {
    Map<String, JsonNode> dashboards = new TreeMap<>();
    for (JsonNode map : rendered.ofKind("ConfigMap")) {
      if ("1".equals(map.path("metadata").path("labels").path("grafana_dashboard").asText())) {
        assertThat(map.path("metadata").path("annotations").path("grafana_folder").asText())
            .isEqualTo("Messageboard");
        for (Map.Entry<String, JsonNode> file : map.path("data").properties()) {
          dashboards.put(file.getKey(), JSON.readTree(file.getValue().asText()));
        }
      }
    }
    return dashboards;
  }

  private static Set<String> jobsQueried(JsonNode dashboard) {
    Set<String> jobs = new TreeSet<>();
    Set<String> problems = new TreeSet<>();
    List<JsonNode> queries = new ArrayList<>(dashboard.findValues("expr"));
    queries.addAll(dashboard.findValues("query"));
    queries.stream()
        .filter(JsonNode::isTextual)
        .forEach(query -> jobs.addAll(ShippedRules.jobsIn(query.asText(), problems)));
    assertThat(problems).isEmpty();
    assertThat(jobs).isNotEmpty();
    return jobs;
  }
}
