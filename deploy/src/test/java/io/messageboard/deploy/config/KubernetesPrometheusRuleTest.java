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

/** The PrometheusRule is the shared rules files, generated, and stays in step with them. */
class KubernetesPrometheusRuleTest {

  private static final Path COMMITTED =
      DEPLOY.resolve("k8s/components/prometheus-operator/prometheus-rule.yaml");

  @Test
  void theCommittedPrometheusRuleHoldsExactlyTheSharedRuleGroups() throws Exception {
    JsonNode committed = RenderedManifests.parse(Files.readString(COMMITTED)).get(0);

    assertThat(committed.path("spec").path("groups")).isEqualTo(sharedGroups());
  }

  @Test
  void theRenderedPrometheusRuleIsTheCommittedOneAndAValidObject() throws Exception {
    RenderedManifests rendered = RenderedManifests.render("k8s");
    PrometheusRule rule = rendered.one("PrometheusRule", PrometheusRule.class);

    assertThat(rule.getSpec().getGroups()).isNotEmpty();
    assertThat(rendered.ofKind("PrometheusRule").get(0).path("spec").path("groups"))
        .isEqualTo(sharedGroups());
  }

  @Test
  void theGeneratorFindsTheCommittedFileUpToDate() throws Exception {
    String output = ExternalTool.run(DEPLOY, "k8s/generate-prometheus-rule", "check");

    assertThat(output).doesNotContain("stale");
  }

  @Test
  void aRuleGroupMissingFromThePrometheusRuleIsNoticed() throws Exception {
    JsonNode committed = RenderedManifests.parse(Files.readString(COMMITTED)).get(0);
    ArrayNode fewer = committed.path("spec").path("groups").deepCopy();
    fewer.remove(fewer.size() - 1);

    assertThat((JsonNode) fewer).isNotEqualTo(sharedGroups());
  }

  /** The groups of every deploy/prometheus/rules/*.yml, in file-name order. */
  private static ArrayNode sharedGroups() throws Exception {
    ArrayNode groups = JsonNodeFactory.instance.arrayNode();
    try (Stream<Path> files = Files.list(DEPLOY.resolve("prometheus/rules"))) {
      List<Path> sorted = files.filter(file -> file.toString().endsWith(".yml")).sorted().toList();
      assertThat(sorted).isNotEmpty();
      for (Path file : sorted) {
        JsonNode rules = RenderedManifests.parse(Files.readString(file)).get(0);
        assertThat(rules.path("groups").isArray()).as("groups in %s", file).isTrue();
        groups.addAll((ArrayNode) rules.path("groups"));
      }
    }
    assertThat(groups).isNotEmpty();
    return groups;
  }
}
