package io.messageboard.deploy.config;

import static io.messageboard.deploy.config.ExternalTool.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The provisioned Grafana dashboards are well-formed and bound to the provisioned datasource. */
class GrafanaDashboardsTest {

  private static final Path GRAFANA = DEPLOY.resolve("grafana");
  private static final Path DASHBOARDS = GRAFANA.resolve("dashboards");
  private static final Path DATASOURCES =
      GRAFANA.resolve("provisioning/datasources/prometheus.yml");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> PANEL_TYPES = Set.of("row", "timeseries", "stat", "table");

  static Stream<Path> dashboards() throws IOException {
    try (Stream<Path> files = Files.list(DASHBOARDS)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @Test
  void theServiceMariaDbAndNginxDashboardsAreProvisioned() throws IOException {
    assertThat(dashboards().map(file -> file.getFileName().toString()))
        .containsExactlyInAnyOrder("messageboard-service.json", "mariadb.json", "nginx.json");
  }

  @Test
  void theProvisionedDatasourceIsPrometheusWithAPinnedUid() throws IOException {
    JsonNode datasources = new YAMLMapper().readTree(DATASOURCES.toFile()).get("datasources");

    assertThat(datasources).hasSize(1);
    assertThat(datasources.get(0).path("type").asText()).isEqualTo("prometheus");
    assertThat(datasourceUid()).isNotBlank();
  }

  @Test
  void theDashboardProviderReadsOneFolderOutsideGrafanasDataVolume() throws IOException {
    JsonNode providers =
        new YAMLMapper()
            .readTree(GRAFANA.resolve("provisioning/dashboards/messageboard.yml").toFile())
            .get("providers");

    assertThat(providers).hasSize(1);
    assertThat(providers.get(0).path("type").asText()).isEqualTo("file");
    // /var/lib/grafana is the data volume Grafana writes; compose mounts the dashboards at this
    // path (ComposeFileTest reads it from the provider too).
    assertThat(providers.get(0).path("options").path("path").asText())
        .startsWith("/etc/grafana/")
        .doesNotStartWith("/var/lib/grafana");
  }

  @Test
  void dashboardUidsArePinnedAndDistinct() throws IOException {
    List<String> uids = new ArrayList<>();
    for (Path file : dashboards().toList()) {
      uids.add(read(file).path("uid").asText());
    }
    assertThat(uids).isNotEmpty().doesNotContain("").doesNotHaveDuplicates();
    assertThat(uids).allMatch(uid -> uid.matches("[a-z0-9-]{1,40}"), "a short, stable slug");
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void panelIdsAreUniqueWithinTheDashboard(Path file) throws IOException {
    List<Integer> ids = new ArrayList<>();
    for (JsonNode panel : panels(read(file))) {
      assertThat(panel.has("id")).as("%s: panel %s has an id", file, title(panel)).isTrue();
      ids.add(panel.get("id").asInt());
    }
    assertThat(ids).as("panel ids in %s", file.getFileName()).isNotEmpty().doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void everyPanelAndEveryQueryUseTheProvisionedDatasourceByUid(Path file) throws IOException {
    String uid = datasourceUid();
    List<String> wrong = new ArrayList<>();
    int queries = 0;
    for (JsonNode panel : panels(read(file))) {
      if (isRow(panel)) {
        if (panel.has("datasource")) {
          checkDatasource(panel.get("datasource"), uid, "row " + title(panel), wrong);
        }
        continue;
      }
      checkDatasource(panel.path("datasource"), uid, title(panel), wrong);
      if (panel.path("targets").isEmpty()) {
        wrong.add(title(panel) + ": no query");
      }
      for (JsonNode target : panel.path("targets")) {
        queries++;
        checkDatasource(
            target.path("datasource"),
            uid,
            title(panel) + " " + target.path("refId").asText(),
            wrong);
        if (target.path("expr").asText().isBlank()) {
          wrong.add(title(panel) + " " + target.path("refId").asText() + ": empty expr");
        }
      }
    }
    for (JsonNode variable : read(file).path("templating").path("list")) {
      if (variable.path("type").asText().equals("query")) {
        checkDatasource(
            variable.path("datasource"), uid, "variable " + variable.path("name").asText(), wrong);
      }
    }
    assertThat(queries).as("queries in %s", file.getFileName()).isPositive();
    assertThat(wrong).as("datasource references in %s", file.getFileName()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void everyPanelHasAUnitAndASupportedType(Path file) throws IOException {
    List<String> withoutUnit = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    int panels = 0;
    for (JsonNode panel : panels(read(file))) {
      if (!PANEL_TYPES.contains(panel.path("type").asText())) {
        unsupported.add(title(panel) + ": " + panel.path("type").asText());
      }
      if (isRow(panel)) {
        continue;
      }
      panels++;
      if (panel.path("fieldConfig").path("defaults").path("unit").asText().isBlank()) {
        withoutUnit.add(title(panel));
      }
    }
    assertThat(panels).as("panels in %s", file.getFileName()).isPositive();
    assertThat(withoutUnit).as("panels without a unit in %s", file.getFileName()).isEmpty();
    assertThat(unsupported).as("panel types in %s", file.getFileName()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void noImportPlaceholdersAreLeft(Path file) throws IOException {
    String text = Files.readString(file);

    assertThat(text).doesNotContain("${DS_");
    assertThat(read(file).has("__inputs")).as("%s has __inputs", file.getFileName()).isFalse();
    assertThat(read(file).path("schemaVersion").asInt()).isGreaterThanOrEqualTo(39);
  }

  @Test
  void theServiceDashboardHasAMultiValueReplicaVariableThatItsQueriesUse() throws IOException {
    JsonNode dashboard = read(DASHBOARDS.resolve("messageboard-service.json"));

    assertThat(multiValueVariable(dashboard, "replica").path("query").path("query").asText())
        .isEqualTo("label_values(messageboard_info, replica)");
    assertThat(queriesOf(dashboard))
        .as("queries filtered by $replica")
        .anyMatch(expr -> expr.contains("replica=~\"$replica\""));
  }

  @Test
  void everyMariaDbPanelIsFilteredByAMultiValueInstanceVariable() throws IOException {
    JsonNode dashboard = read(DASHBOARDS.resolve("mariadb.json"));

    assertThat(multiValueVariable(dashboard, "instance").path("query").path("query").asText())
        .isEqualTo("label_values(mysql_up{job=\"mysqld\"}, instance)");
    List<String> queries = queriesOf(dashboard);
    assertThat(queries).isNotEmpty();
    assertThat(queries)
        .as("queries of the MariaDB dashboard, each for the selected nodes")
        .allMatch(expr -> expr.contains("job=\"mysqld\", instance=~\"$instance\""));
  }

  @Test
  void theMariaDbDashboardHasAGaleraRowWithEachNodesClusterFigures() throws IOException {
    List<JsonNode> panels = panels(read(DASHBOARDS.resolve("mariadb.json")));
    List<String> galeraRow = new ArrayList<>();
    boolean inGaleraRow = false;
    for (JsonNode panel : panels) {
      if (isRow(panel)) {
        inGaleraRow = panel.path("title").asText().contains("Galera");
        continue;
      }
      if (inGaleraRow) {
        panel.path("targets").forEach(target -> galeraRow.add(target.path("expr").asText()));
      }
    }

    assertThat(String.join("\n", galeraRow))
        .contains(
            "mysql_global_status_wsrep_cluster_size",
            "mysql_global_status_wsrep_cluster_status",
            "mysql_global_status_wsrep_local_state",
            "mysql_global_status_wsrep_flow_control_paused_ns",
            "mysql_global_status_wsrep_local_recv_queue",
            "mysql_global_status_wsrep_local_cert_failures");
  }

  /** The dashboard's variable of that name; it offers several values at once and All. */
  private static JsonNode multiValueVariable(JsonNode dashboard, String name) {
    JsonNode found = null;
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      if (variable.path("name").asText().equals(name)) {
        found = variable;
      }
    }
    assertThat(found).as("variable %s", name).isNotNull();
    assertThat(found.path("multi").asBoolean()).as("%s multi", name).isTrue();
    assertThat(found.path("includeAll").asBoolean()).as("%s includeAll", name).isTrue();
    return found;
  }

  private static List<String> queriesOf(JsonNode dashboard) {
    List<String> queries = new ArrayList<>();
    for (JsonNode panel : panels(dashboard)) {
      panel.path("targets").forEach(target -> queries.add(target.path("expr").asText()));
    }
    return queries;
  }

  private static void checkDatasource(
      JsonNode datasource, String uid, String where, List<String> wrong) {
    if (!datasource.path("uid").asText().equals(uid)) {
      wrong.add(where + ": " + datasource);
    }
  }

  private static String datasourceUid() throws IOException {
    return new YAMLMapper()
        .readTree(DATASOURCES.toFile())
        .path("datasources")
        .path(0)
        .path("uid")
        .asText();
  }

  private static JsonNode read(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  /** Every panel, the ones inside collapsed rows included. */
  private static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> all = new ArrayList<>();
    collect(dashboard.path("panels"), all);
    return all;
  }

  private static void collect(JsonNode panels, List<JsonNode> all) {
    for (JsonNode panel : panels) {
      all.add(panel);
      collect(panel.path("panels"), all);
    }
  }

  private static boolean isRow(JsonNode panel) {
    return panel.path("type").asText().equals("row");
  }

  private static String title(JsonNode panel) {
    return "\"" + panel.path("title").asText() + "\"";
  }
}
