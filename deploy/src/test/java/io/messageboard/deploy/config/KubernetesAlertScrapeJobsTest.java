package io.messageboard.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every alert a Kubernetes deployment ships can fire there: each job its expression selects
 * (through the recording rules it reads) is a job that deployment's Prometheus scrapes.
 */
class KubernetesAlertScrapeJobsTest {

  static final List<String> KUSTOMIZATIONS = RenderedManifests.KUSTOMIZATIONS;

  @ParameterizedTest
  @FieldSource("KUSTOMIZATIONS")
  void everyShippedAlertSelectsOnlyJobsTheDeploymentScrapes(String kustomization) throws Exception {
    RenderedManifests rendered = RenderedManifests.render(kustomization);

    ShippedRules rules = ShippedRules.of(rendered.ofKind("PrometheusRule"));

    assertThat(rules.unfireable(KubernetesScrapeJobs.of(rendered))).isEmpty();
  }

  @Test
  void theClusterOverlayShipsTheDatabaseAlertsAndScrapesTheirJob() throws Exception {
    RenderedManifests rendered = RenderedManifests.render("k8s/overlays/mariadb-operator");

    assertThat(KubernetesScrapeJobs.of(rendered)).containsExactly("messageboard", "mysqld");
    assertThat(ShippedRules.of(rendered.ofKind("PrometheusRule")).alerts())
        .containsKeys("MessageboardReplicaDown", "MessageboardDatabaseDown", "GaleraQuorumLost");
  }

  @Test
  void theDatabaseAlertsCouldNotFireWhereOnlyTheReplicasAreScraped() throws Exception {
    RenderedManifests overlay = RenderedManifests.render("k8s/overlays/mariadb-operator");
    Set<String> baseJobs = KubernetesScrapeJobs.of(RenderedManifests.render("k8s"));

    assertThat(ShippedRules.of(overlay.ofKind("PrometheusRule")).unfireable(baseJobs))
        .containsEntry("MessageboardDatabaseDown", Set.of("job mysqld not scraped"))
        .doesNotContainKey("MessageboardReplicaDown");
  }

  @Test
  void anAlertOnARecordingRuleThatIsNotShippedCannotFire() throws Exception {
    ShippedRules nginxAlertsAlone =
        ShippedRules.of(
            RenderedManifests.parse(
                """
                spec:
                  groups:
                    - name: upstream
                      rules:
                        - alert: Upstream
                          expr: job:nginx_upstream_errors:rate5m > 0
                        - alert: Unselective
                          expr: up == 0
                """));

    assertThat(nginxAlertsAlone.unfireable(Set.of("nginx-log")))
        .containsEntry(
            "Upstream",
            Set.of(
                "no job selector", "recording rule job:nginx_upstream_errors:rate5m not shipped"))
        .containsEntry("Unselective", Set.of("no job selector"));
  }
}
