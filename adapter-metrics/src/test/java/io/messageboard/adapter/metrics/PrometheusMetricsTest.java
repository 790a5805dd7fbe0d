package io.messageboard.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.domain.model.ReplicaId;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrometheusMetricsTest {

  private final PrometheusMetrics metrics =
      PrometheusMetrics.create(new ReplicaId("replica-7"), "1.2.3");

  @AfterEach
  void close() {
    metrics.close();
  }

  @Test
  void exposesInfoSeriesWithVersionAndReplica() {
    assertThat(metrics.scrape())
        .containsPattern("(?m)^messageboard_info\\{[^}]*version=\"1\\.2\\.3\"[^}]*\\} 1(\\.0)?$")
        .containsPattern("(?m)^messageboard_info\\{[^}]*replica=\"replica-7\"");
  }

  @Test
  void exposesJvmAndProcessMeters() {
    assertThat(metrics.scrape())
        .contains("jvm_memory_used_bytes{")
        .contains("jvm_threads_live_threads{")
        .contains("jvm_classes_loaded_classes{")
        .contains("process_cpu_usage{")
        .contains("process_cpu_seconds_total{")
        .contains("process_uptime_seconds{")
        .contains("process_files_open_files{");
  }

  @Test
  void publishesNoNameThatPromtoolLintRejects() {
    assertThat(metrics.scrape())
        .doesNotContain("process_cpu_time_ns_total")
        .doesNotContain("system_cpu_count")
        .contains("system_cpus_available{");
  }

  @Test
  void everySeriesCarriesApplicationAndReplicaTags() {
    new HttpServerRequests(metrics.registry())
        .record("GET", "/api/v1/messages/{id}", 200, java.time.Duration.ofMillis(3));
    List<String> samples = ScrapeLines.samples(metrics.scrape());

    assertThat(samples).hasSizeGreaterThan(20);
    List<String> untagged =
        samples.stream()
            .filter(
                line ->
                    !line.contains("application=\"messageboard\"")
                        || !line.contains("replica=\"replica-7\""))
            .collect(Collectors.toList());
    assertThat(untagged).isEmpty();
  }
}
