package io.messageboard.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every object kustomize renders is a valid object of the Kubernetes API type it names. */
class KubernetesSchemaTest {

  /** mariadb-operator publishes no Java model; these are checked by K8sMariaDbOverlayTest. */
  private static final Set<String> OPERATOR_TYPES =
      Set.of(
          "k8s.mariadb.com/v1alpha1/MariaDB",
          "k8s.mariadb.com/v1alpha1/Database",
          "k8s.mariadb.com/v1alpha1/User",
          "k8s.mariadb.com/v1alpha1/Grant",
          "k8s.mariadb.com/v1alpha1/Backup");

  @ParameterizedTest
  @ValueSource(strings = {"k8s", "k8s/base", "k8s/overlays/mariadb-operator"})
  void everyRenderedObjectReadsStrictlyAsItsApiType(String kustomization) throws Exception {
    RenderedManifests rendered = RenderedManifests.render(kustomization);

    for (JsonNode document : rendered.documents()) {
      if (OPERATOR_TYPES.contains(KubernetesApiTypes.typeName(document))) {
        continue;
      }
      HasMetadata object = KubernetesApiTypes.read(document);
      assertThat(object.getMetadata().getName())
          .as("name of a %s", KubernetesApiTypes.typeName(document))
          .isNotBlank();
    }
  }

  @Test
  void theDefaultRenderingHoldsTheWholeBaseAndTheMonitoringObjects() throws Exception {
    Set<String> kinds =
        RenderedManifests.render("k8s").documents().stream()
            .map(document -> document.path("kind").asText())
            .collect(Collectors.toSet());

    assertThat(kinds)
        .containsExactlyInAnyOrder(
            "ConfigMap",
            "Service",
            "Deployment",
            "Job",
            "PodDisruptionBudget",
            "HorizontalPodAutoscaler",
            "Ingress",
            "NetworkPolicy",
            "ServiceMonitor",
            "PrometheusRule",
            "AlertmanagerConfig");
  }

  @Test
  void theStrictReaderRefusesAMisspeltField() throws Exception {
    JsonNode misspelt =
        RenderedManifests.parse(
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: x
                          image: x
                          readynessProbe: {httpGet: {path: /, port: 1}}
                """)
            .get(0);

    assertThatThrownBy(() -> KubernetesApiTypes.read(misspelt))
        .hasMessageContaining("readynessProbe");
  }

  @Test
  void theStrictReaderRefusesAWronglyTypedValue() throws Exception {
    JsonNode wronglyTyped =
        RenderedManifests.parse(
                """
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: x}
                spec:
                  maxUnavailable: 1
                  selector: {matchLabels: [a, b]}
                """)
            .get(0);

    assertThatThrownBy(() -> KubernetesApiTypes.read(wronglyTyped))
        .hasMessageContaining("matchLabels");
  }
}
