package io.messageboard.bootstrap.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.bootstrap.Application;
import io.messageboard.bootstrap.config.TestSettings;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsScrapeTest {

  private Application application;
  private String scrape;

  @BeforeAll
  void sendTrafficAndScrape() {
    application = new Application(TestSettings.inMemory()).start();
    int api = application.httpPort();
    assertThat(LoopbackHttp.get(api, "/").statusCode()).isEqualTo(200);
    assertThat(
            LoopbackHttp.postJson(api, "/api/v1/messages", "{\"id\": 4242, \"text\": \"hello\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(LoopbackHttp.get(api, "/api/v1/messages/4242").statusCode()).isEqualTo(200);
    assertThat(LoopbackHttp.get(api, "/api/v1/messages/999999").statusCode()).isEqualTo(404);
    assertThat(LoopbackHttp.get(api, "/no/such/path/17").statusCode()).isEqualTo(404);
    scrape = LoopbackHttp.get(application.managementPort(), "/metrics").body();
  }

  @AfterAll
  void stop() {
    application.stop();
  }

  @Test
  void requestHistogramIsLabelledWithRouteTemplates() {
    assertThat(scrape)
        .containsPattern(
            "http_server_requests_seconds_bucket\\{[^}]*status=\"200\",uri=\"/api/v1/messages/\\{id\\}\",le=\"0\\.005\"\\}")
        .containsPattern(
            "http_server_requests_seconds_bucket\\{[^}]*outcome=\"SUCCESS\"[^}]*uri=\"/\",le=\"\\+Inf\"\\} 1")
        .containsPattern(
            "http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*status=\"201\",uri=\"/api/v1/messages\"\\} 1")
        .containsPattern(
            "http_server_requests_seconds_count\\{[^}]*outcome=\"CLIENT_ERROR\"[^}]*uri=\"NOT_FOUND\"\\} 1");
  }

  @Test
  void rawPathsNeverBecomeLabels() {
    assertThat(scrape)
        .doesNotContain("/no/such/path")
        .doesNotContain("uri=\"/api/v1/messages/4242\"");
  }

  @Test
  void countsMessagesAndFailuresFromTheUseCases() {
    assertThat(scrape)
        .containsPattern("(?m)^messageboard_messages_posted_total\\{[^}]*\\} 1(\\.0)?$")
        .containsPattern("(?m)^messageboard_messages_edited_total\\{[^}]*\\} 0(\\.0)?$")
        .containsPattern(
            "(?m)^messageboard_message_failures_total\\{[^}]*kind=\"not_found\"[^}]*\\} 1(\\.0)?$");
  }

  @Test
  void countsLogEventsByLevelFromTheStartOn() {
    // The start logs its ready line at INFO after the counters are bound.
    assertThat(scrape)
        .containsPattern("(?m)^logback_events_total\\{[^}]*level=\"info\"[^}]*\\} [1-9]")
        .containsPattern("(?m)^logback_events_total\\{[^}]*level=\"error\"[^}]*\\} ");
  }

  @Test
  void exposesRuntimeServerAndBuildMeters() {
    assertThat(scrape)
        .contains("jvm_memory_used_bytes{")
        .contains("jvm_gc_")
        .contains("jvm_threads_live_threads{")
        .contains("jvm_classes_loaded_classes{")
        .contains("process_cpu_usage{")
        .contains("process_uptime_seconds{")
        .contains("process_files_open_files{")
        .contains("jetty_threads_current{")
        .contains("jetty_threads_busy{")
        .containsPattern(
            "(?m)^messageboard_info\\{[^}]*replica=\"test-replica\",version=\"[^\"]+\"\\} 1$");
  }

  @Test
  void everySeriesCarriesTheApplicationLabel() {
    List<String> samples =
        scrape
            .lines()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .collect(Collectors.toList());

    assertThat(samples).hasSizeGreaterThan(50);
    assertThat(samples)
        .allSatisfy(line -> assertThat(line).contains("application=\"messageboard\""));
  }

  @Test
  void scrapePassesPromtoolCheckMetrics() throws Exception {
    Promtool.Result result = Promtool.checkMetrics(scrape);

    assertThat(result.output()).as("promtool findings").isEmpty();
    assertThat(result.exitCode()).isZero();
  }
}
