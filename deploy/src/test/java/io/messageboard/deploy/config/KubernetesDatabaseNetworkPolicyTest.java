package io.messageboard.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mariadb-operator overlay lets only the app, its release and backup Jobs, the exporter and the
 * operator reach the database's SQL port, only the Galera nodes each other's replication ports,
 * only the operator the Galera agent, and only Prometheus the exporter.
 */
class KubernetesDatabaseNetworkPolicyTest {

  // The labels mariadb-operator gives the pods it makes for a MariaDB named NAME (pkg/builder).
  private static final String NAME = "app.kubernetes.io/name";
  private static final String INSTANCE = "app.kubernetes.io/instance";

  private static RenderedManifests rendered;
  private static String mariaDb;
  private static NetworkPolicy database;

  @BeforeAll
  static void render() throws Exception {
    rendered = RenderedManifests.render("k8s/overlays/mariadb-operator");
    List<JsonNode> mariaDbs = rendered.ofKind("MariaDB");
    assertThat(mariaDbs).hasSize(1);
    mariaDb = mariaDbs.get(0).path("metadata").path("name").asText();
    database = rendered.named("NetworkPolicy", mariaDb, NetworkPolicy.class);
  }

  @Test
  void thePolicySelectsTheOperatorsPodsOfTheOneMariaDb() {
    assertThat(database.getSpec().getPodSelector().getMatchLabels())
        .isEqualTo(Map.of(NAME, "mariadb", INSTANCE, mariaDb));
    assertThat(database.getSpec().getPolicyTypes()).containsExactly("Ingress");
    assertThat(database.getSpec().getIngress())
        .as("SQL, Galera, operator")
        .hasSize(3)
        .allSatisfy(
            rule -> {
              assertThat(rule.getFrom()).as("a rule without peers admits everyone").isNotEmpty();
              assertThat(rule.getPorts()).as("a rule without ports admits every port").isNotEmpty();
            });
  }

  @Test
  void onlyTheAppTheMigrateJobTheBackupsAndTheExporterOfThisNamespaceReachTheSqlPort() {
    NetworkPolicyIngressRule sql = ruleFor(database, Set.of("mariadb"), false);
    Map<String, String> app =
        rendered
            .one("Deployment", Deployment.class)
            .getSpec()
            .getTemplate()
            .getMetadata()
            .getLabels();
    Map<String, String> migrate =
        rendered.one("Job", Job.class).getSpec().getTemplate().getMetadata().getLabels();
    Map<String, String> backup = labels(onlyOne("Backup").path("spec").path("podMetadata"));

    Map<String, Map<String, String>> pods =
        Map.of(
            "app", app,
            "migrate", migrate,
            "backup", backup,
            "exporter", Map.of(NAME, "exporter", INSTANCE, mariaDb + "-metrics"));

    List<String> reached = new ArrayList<>();
    for (NetworkPolicyPeer peer : sql.getFrom()) {
      assertThat(peer.getNamespaceSelector()).as("a peer in another namespace").isNull();
      Map<String, String> selector = peer.getPodSelector().getMatchLabels();
      List<String> selected =
          pods.entrySet().stream()
              .filter(pod -> pod.getValue().entrySet().containsAll(selector.entrySet()))
              .map(Map.Entry::getKey)
              .toList();
      assertThat(selected).as("the pods %s selects", selector).hasSize(1);
      reached.addAll(selected);
    }
    assertThat(reached).containsExactlyInAnyOrder("app", "migrate", "backup", "exporter");
  }

  @Test
  void onlyTheGaleraNodesReachEachOthersReplicationAndStateTransferPorts() {
    NetworkPolicyIngressRule galera = ruleFor(database, Set.of("cluster", "ist", "sst"), false);

    assertThat(galera.getFrom()).hasSize(1);
    assertThat(galera.getFrom().get(0).getNamespaceSelector()).isNull();
    assertThat(galera.getFrom().get(0).getPodSelector())
        .isEqualTo(database.getSpec().getPodSelector());
  }

  @Test
  void onlyTheOperatorFromItsNamespaceReachesTheSqlPortAndTheGaleraAgent() {
    NetworkPolicyIngressRule operator = ruleFor(database, Set.of("mariadb", "agent"), true);

    assertPeer(operator, "mariadb-operator", "mariadb-operator");
  }

  @Test
  void onlyPrometheusReachesTheExportersMetricsPort() {
    NetworkPolicy exporter =
        rendered.named("NetworkPolicy", mariaDb + "-exporter", NetworkPolicy.class);

    assertThat(exporter.getSpec().getPodSelector().getMatchLabels())
        .isEqualTo(Map.of(NAME, "exporter", INSTANCE, mariaDb + "-metrics"));
    assertThat(exporter.getSpec().getPolicyTypes()).containsExactly("Ingress");
    assertThat(exporter.getSpec().getIngress()).hasSize(1);
    assertThat(ruleFor(exporter, Set.of("metrics"), true))
        .satisfies(rule -> assertPeer(rule, "monitoring", "prometheus"));
  }

  // Every port is TCP and named: the operator's port names, which follow its numbers.
  @Test
  void everyPortIsATcpPortNamedByTheOperator() {
    List<NetworkPolicyPort> ports =
        rendered.ofKind("NetworkPolicy").stream()
            .map(document -> KubernetesApiTypes.read(document, NetworkPolicy.class))
            .filter(policy -> policy.getMetadata().getName().startsWith(mariaDb))
            .flatMap(policy -> policy.getSpec().getIngress().stream())
            .flatMap(rule -> rule.getPorts().stream())
            .toList();

    assertThat(ports)
        .hasSize(7)
        .allSatisfy(
            port -> {
              assertThat(port.getProtocol()).isEqualTo("TCP");
              assertThat(port.getPort().getStrVal()).isNotBlank();
            });
  }

  /** The one rule whose ports are exactly these names, with or without a namespace selector. */
  private static NetworkPolicyIngressRule ruleFor(
      NetworkPolicy policy, Set<String> portNames, boolean fromAnotherNamespace) {
    List<NetworkPolicyIngressRule> rules =
        policy.getSpec().getIngress().stream()
            .filter(
                rule ->
                    rule.getPorts().stream()
                        .map(NetworkPolicyPort::getPort)
                        .map(IntOrString::getStrVal)
                        .collect(Collectors.toSet())
                        .equals(portNames))
            .filter(
                rule ->
                    rule.getFrom().stream()
                            .map(NetworkPolicyPeer::getNamespaceSelector)
                            .anyMatch(selector -> selector != null)
                        == fromAnotherNamespace)
            .toList();
    assertThat(rules)
        .as("rules for ports %s in %s", portNames, policy.getMetadata().getName())
        .hasSize(1);
    return rules.get(0);
  }

  private static void assertPeer(NetworkPolicyIngressRule rule, String namespace, String app) {
    assertThat(rule.getFrom()).hasSize(1);
    LabelSelector namespaces = rule.getFrom().get(0).getNamespaceSelector();
    assertThat(namespaces.getMatchLabels())
        .isEqualTo(Map.of("kubernetes.io/metadata.name", namespace));
    assertThat(rule.getFrom().get(0).getPodSelector().getMatchLabels())
        .isEqualTo(Map.of(NAME, app));
  }

  private static Map<String, String> labels(JsonNode metadata) {
    Map<String, String> labels = new HashMap<>();
    metadata
        .path("labels")
        .properties()
        .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }

  private static JsonNode onlyOne(String kind) {
    List<JsonNode> found = rendered.ofKind(kind);
    assertThat(found).as("%s objects", kind).hasSize(1);
    return found.get(0);
  }
}
