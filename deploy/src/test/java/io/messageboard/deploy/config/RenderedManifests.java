package io.messageboard.deploy.config;

import static io.messageboard.deploy.config.ExternalTool.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.util.List;

/** The objects {@code kubectl kustomize} renders from one kustomization under deploy/. */
public record RenderedManifests(String kustomization, List<JsonNode> documents) {

  /** Every kustomization under deploy/ that renders a deployable set. */
  public static final List<String> KUSTOMIZATIONS =
      List.of("k8s", "k8s/base", "k8s/overlays/mariadb-operator");

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Renders {@code deploy/<kustomization>}, e.g. {@code k8s} or {@code k8s/base}. */
  public static RenderedManifests render(String kustomization) throws Exception {
    String output = ExternalTool.output(DEPLOY, "kubectl", "kustomize", kustomization);
    return new RenderedManifests(kustomization, parse(output));
  }

  static List<JsonNode> parse(String yaml) throws IOException {
    ObjectReader reader = YAML.readerFor(JsonNode.class);
    try (MappingIterator<JsonNode> documents = reader.readValues(yaml)) {
      List<JsonNode> all =
          documents.readAll().stream()
              .filter(node -> !node.isNull() && !node.isMissingNode())
              .toList();
      assertThat(all).as("rendered documents").isNotEmpty();
      return all;
    }
  }

  List<JsonNode> ofKind(String kind) {
    return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
  }

  /** The single object of a kind, as its API type. */
  <T extends HasMetadata> T one(String kind, Class<T> type) {
    List<JsonNode> found = ofKind(kind);
    assertThat(found).as("%s objects rendered from %s", kind, kustomization).hasSize(1);
    return KubernetesApiTypes.read(found.get(0), type);
  }

  /** The single object of a kind with a name, as its API type. */
  <T extends HasMetadata> T named(String kind, String name, Class<T> type) {
    return KubernetesApiTypes.read(named(kind, name), type);
  }

  /** The replicas' settings: the ConfigMap kustomize generates as messageboard-settings-HASH. */
  ConfigMap settings() {
    List<JsonNode> found =
        ofKind("ConfigMap").stream()
            .filter(
                d -> d.path("metadata").path("name").asText().startsWith("messageboard-settings-"))
            .toList();
    assertThat(found).as("settings ConfigMaps rendered from %s", kustomization).hasSize(1);
    return KubernetesApiTypes.read(found.get(0), ConfigMap.class);
  }

  /** The single object of a kind with a name, as a tree (for kinds without a model class). */
  JsonNode named(String kind, String name) {
    List<JsonNode> found =
        ofKind(kind).stream()
            .filter(d -> name.equals(d.path("metadata").path("name").asText()))
            .toList();
    assertThat(found).as("%s %s rendered from %s", kind, name, kustomization).hasSize(1);
    return found.get(0);
  }
}
