package io.messageboard.deploy.config;

import static io.messageboard.deploy.config.ExternalTool.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared Prometheus configuration, rules and alerts pass promtool, alert unit tests included.
 */
class PrometheusConfigTest {

  private static final Path PROMETHEUS = DEPLOY.resolve("prometheus");

  @Test
  void theRecordingRulesAndAlertsAreValid() throws Exception {
    assertThat(promtoolOnEveryFileIn("rules", "check", "rules"))
        .contains("SUCCESS")
        .doesNotContain("FAILED");
  }

  @Test
  void everyAlertPassesItsFiringAndNotFiringUnitTests() throws Exception {
    assertThat(promtoolOnEveryFileIn("tests", "test", "rules"))
        .contains("SUCCESS")
        .doesNotContain("FAILED");
  }

  @Test
  void theLocalStacksRenderedScrapeConfigIsValid(@TempDir Path state) throws Exception {
    ExternalTool.run(
        DEPLOY, Map.of("MESSAGEBOARD_STACK_DIR", state.toString()), "local/stack", "render");

    String output =
        ExternalTool.run(
            state, "promtool", "check", "config", state + "/prometheus/prometheus.yml");

    assertThat(output).contains("SUCCESS").doesNotContain("FAILED", "WARNING");
  }

  private static String promtoolOnEveryFileIn(String folder, String... verb) throws Exception {
    List<String> command = new ArrayList<>(List.of("promtool"));
    command.addAll(List.of(verb));
    command.addAll(filesIn(PROMETHEUS.resolve(folder)));
    return ExternalTool.run(PROMETHEUS, command.toArray(String[]::new));
  }

  private static List<String> filesIn(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      List<String> names =
          files
              .filter(file -> file.toString().endsWith(".yml"))
              .map(file -> PROMETHEUS.relativize(file).toString())
              .sorted()
              .toList();
      assertThat(names).as("YAML files in %s", folder).isNotEmpty();
      return names;
    }
  }
}
