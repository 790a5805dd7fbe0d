package io.messageboard.deploy.config;

import static io.messageboard.deploy.config.ExternalTool.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The PrometheusRules are the shared rules files, generated, and stay in step with them: the
 * replicas' rules in the Prometheus Operator component, the database's in the mariadb-operator
 * overlay, nginx's and the machine's in neither.
 */
class KubernetesPrometheusRuleTest {

  private static final Path APP_RULE =
      DEPLOY.resolve("k8s/components/prometheus-operator/prometheus-rule.yaml");
  private static final Path DATABASE_RULE =
      DEPLOY.resolve("k8s/overlays/mariadb-operator/prometheus-rule.yaml");
  private static final List<String> APP_FILES =
      List.of("messageboard-recording.yml", "messageboard-alerts.yml");
  private static final List<String> DATABASE_FILES = List.of("messageboard-database-alerts.yml");

  /**
   * Rules over jobs no Kubernetes deployment of ours scrapes: nginx's (its alerts and the
   * objectives measured at it), and the machine's (the host and the backup tool's figures, both
   * through node-exporter).
   */
  private static final List<String> NOT_SHIPPED =
      List.of(
          "messageboard-nginx-alerts.yml",
          "messageboard-nginx-recording.yml",
          "messageboard-slo-recording.yml",
          "messageboard-slo-alerts.yml",
          "messageboard-host-alerts.yml",
          "messageboard-backup-alerts.yml");

  @Test
  void theCommittedPrometheusRulesHoldExactlyTheirSharedRuleGroups() throws Exception {
    assertThat(groupsOf(APP_RULE)).isEqualTo(sharedGroups(APP_FILES));
    assertThat(groupsOf(DATABASE_RULE)).isEqualTo(sharedGroups(DATABASE_FILES));
  }

  @Test
  void everySharedRulesFileShipsToKubernetesOrIsNamedAsNotShipped() throws Exception {
    try (Stream<Path> files = Files.list(DEPLOY.resolve("prometheus/rules"))) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(
              Stream.of(APP_FILES, DATABASE_FILES, NOT_SHIPPED).flatMap(List::stream).toList());
    }
  }

  @Test
  void theRenderedPrometheusRuleIsTheCommittedOneAndAValidObject() throws Exception {
    RenderedManifests rendered = RenderedManifests.render("k8s");
    PrometheusRule rule = rendered.one("PrometheusRule", PrometheusRule.class);

    assertThat(rule.getSpec().getGroups()).isNotEmpty();
    assertThat(rendered.ofKind("PrometheusRule").get(0).path("spec").path("groups"))
        .isEqualTo(sharedGroups(APP_FILES));
  }

  @Test
  void theClusterOverlayRendersBothRules() throws Exception {
    RenderedManifests rendered = RenderedManifests.render("k8s/overlays/mariadb-operator");

    assertThat(rendered.named("PrometheusRule", "messageboard").path("spec").path("groups"))
        .isEqualTo(sharedGroups(APP_FILES));
    JsonNode database = rendered.named("PrometheusRule", "messageboard-database");
    KubernetesApiTypes.read(database, PrometheusRule.class);
    assertThat(database.path("spec").path("groups")).isEqualTo(sharedGroups(DATABASE_FILES));
  }

  @Test
  void theGeneratorFindsTheCommittedFilesUpToDate() throws Exception {
    String output = ExternalTool.run(DEPLOY, "k8s/generate", "check");

    assertThat(output).doesNotContain("stale");
  }

  @Test
  void aRuleGroupMissingFromThePrometheusRuleIsNoticed() throws Exception {
    ArrayNode fewer = groupsOf(APP_RULE).deepCopy();
    fewer.remove(fewer.size() - 1);

    assertThat((JsonNode) fewer).isNotEqualTo(sharedGroups(APP_FILES));
  }

  private static ArrayNode groupsOf(Path committed) throws Exception {
    return (ArrayNode)
        RenderedManifests.parse(Files.readString(committed)).get(0).path("spec").path("groups");
  }

  /** The groups of the named deploy/prometheus/rules files, in the order given. */
  private static ArrayNode sharedGroups(List<String> names) throws Exception {
    ArrayNode groups = JsonNodeFactory.instance.arrayNode();
    for (String name : names) {
      Path file = DEPLOY.resolve("prometheus/rules").resolve(name);
      JsonNode rules = RenderedManifests.parse(Files.readString(file)).get(0);
      assertThat(rules.path("groups").isArray()).as("groups in %s", file).isTrue();
      groups.addAll((ArrayNode) rules.path("groups"));
    }
    assertThat(groups).isNotEmpty();
    return groups;
  }
}
