package io.messageboard.deploy.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code job} labels a rendered Kubernetes deployment's Prometheus scrapes, as the Prometheus
 * Operator names them: a ServiceMonitor's job is the value of the label its {@code jobLabel} names
 * on the Service it selects, else the Service's name. mariadb-operator makes the ServiceMonitor of
 * a MariaDB with metrics on at run time, with the {@code serviceMonitor.jobLabel} it is given, on
 * an exporter Service that carries the MariaDB's {@code inheritMetadata} labels.
 */
final class KubernetesScrapeJobs {

  private KubernetesScrapeJobs() {}

  static Set<String> of(RenderedManifests rendered) {
    Set<String> jobs = new TreeSet<>();
    for (JsonNode monitor : rendered.ofKind("ServiceMonitor")) {
      String jobLabel = monitor.path("spec").path("jobLabel").asText();
      for (JsonNode service : rendered.ofKind("Service")) {
        if (selects(monitor.path("spec").path("selector").path("matchLabels"), service)) {
          JsonNode labels = service.path("metadata").path("labels");
          jobs.add(
              !jobLabel.isEmpty() && labels.has(jobLabel)
                  ? labels.path(jobLabel).asText()
                  : service.path("metadata").path("name").asText());
        }
      }
    }
    for (JsonNode mariaDb : rendered.ofKind("MariaDB")) {
      JsonNode metrics = mariaDb.path("spec").path("metrics");
      if (metrics.path("enabled").asBoolean()) {
        String jobLabel = metrics.path("serviceMonitor").path("jobLabel").asText();
        JsonNode inherited = mariaDb.path("spec").path("inheritMetadata").path("labels");
        // Without that label the job is whatever the operator names its Service: not one the
        // shared alerts can be said to select.
        jobs.add(
            !jobLabel.isEmpty() && inherited.has(jobLabel)
                ? inherited.path(jobLabel).asText()
                : "unknown job of MariaDB " + mariaDb.path("metadata").path("name").asText());
      }
    }
    return jobs;
  }

  private static boolean selects(JsonNode matchLabels, JsonNode service) {
    JsonNode labels = service.path("metadata").path("labels");
    for (Map.Entry<String, JsonNode> wanted : matchLabels.properties()) {
      if (!wanted.getValue().asText().equals(labels.path(wanted.getKey()).asText(null))) {
        return false;
      }
    }
    return !matchLabels.isEmpty();
  }
}
