package io.messageboard.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes base lets only the ingress controller reach the API port and only Prometheus the
 * management port, lets nothing reach the release step, and serves the Ingress over TLS.
 */
class KubernetesNetworkPolicyTest {

  private static RenderedManifests rendered;

  @BeforeAll
  static void render() throws Exception {
    rendered = RenderedManifests.render("k8s/base");
  }

  @Test
  void onlyTheIngressControllerReachesTheApiPortAndOnlyPrometheusTheManagementPort() {
    NetworkPolicy policy = rendered.named("NetworkPolicy", "messageboard-api", NetworkPolicy.class);
    Deployment deployment = rendered.one("Deployment", Deployment.class);

    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
    assertThat(policy.getSpec().getIngress()).hasSize(2);
    assertThat(ruleFor(policy, "http"))
        .satisfies(rule -> assertPeer(rule, "ingress-nginx", "ingress-nginx"));
    assertThat(ruleFor(policy, "management"))
        .satisfies(rule -> assertPeer(rule, "monitoring", "prometheus"));
  }

  @Test
  void nothingReachesTheReleaseStep() {
    NetworkPolicy policy =
        rendered.named("NetworkPolicy", "messageboard-migrate", NetworkPolicy.class);
    Job job = rendered.one("Job", Job.class);

    assertThat(job.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
    assertThat(policy.getSpec().getIngress()).isEmpty();
  }

  @Test
  void theIngressServesItsHostsOverTlsWithACertManagerIssuer() {
    Ingress ingress = rendered.one("Ingress", Ingress.class);
    List<String> hosts = ingress.getSpec().getRules().stream().map(rule -> rule.getHost()).toList();

    assertThat(ingress.getSpec().getTls()).hasSize(1);
    IngressTLS tls = ingress.getSpec().getTls().get(0);
    assertThat(tls.getHosts()).containsExactlyElementsOf(hosts);
    assertThat(tls.getSecretName()).isNotBlank();
    assertThat(ingress.getMetadata().getAnnotations())
        .containsKey("cert-manager.io/cluster-issuer");
  }

  private static NetworkPolicyIngressRule ruleFor(NetworkPolicy policy, String portName) {
    return policy.getSpec().getIngress().stream()
        .filter(
            rule ->
                rule.getPorts().stream()
                    .map(NetworkPolicyPort::getPort)
                    .map(IntOrString::getStrVal)
                    .toList()
                    .equals(List.of(portName)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no rule for port " + portName + " alone"));
  }

  private static void assertPeer(NetworkPolicyIngressRule rule, String namespace, String app) {
    assertThat(rule.getFrom()).hasSize(1);
    assertThat(rule.getFrom().get(0).getNamespaceSelector().getMatchLabels())
        .isEqualTo(Map.of("kubernetes.io/metadata.name", namespace));
    assertThat(rule.getFrom().get(0).getPodSelector().getMatchLabels())
        .isEqualTo(Map.of("app.kubernetes.io/name", app));
  }
}
