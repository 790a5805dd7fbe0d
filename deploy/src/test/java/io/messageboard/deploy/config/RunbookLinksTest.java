package io.messageboard.deploy.config;

import static io.messageboard.deploy.config.ExternalTool.DEPLOY;
import static io.messageboard.deploy.config.RenderedManifests.YAML;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each alert's runbook_url is the runbook's address (Prometheus's external label, else the file in
 * the repository) and an anchor that a heading of docs/operations-alerts.md makes.
 */
class RunbookLinksTest {

  private static final Path RUNBOOK = DEPLOY.getParent().resolve("docs/operations-alerts.md");
  private static final Pattern LINK =
      Pattern.compile(
          "\\{\\{ or \\$externalLabels\\.runbook_url \"docs/operations-alerts\\.md\" }}#([a-z0-9-]+)");
  private static final Pattern HEADING = Pattern.compile("(?m)^#{2,3} (.+)$");

  @Test
  void everyAlertLinksToItsOwnSectionOfTheRunbook() throws IOException {
    Map<String, String> links = runbookLinks();
    Set<String> anchors = anchorsOf(Files.readString(RUNBOOK));

    assertThat(links).isNotEmpty().containsEntry("Watchdog", "watchdog");
    links.forEach(
        (alert, anchor) ->
            assertThat(anchors).as("%s's runbook section #%s", alert, anchor).contains(anchor));
  }

  @Test
  void anAnchorIsTheHeadingAsGitHubSpellsIt() {
    assertThat(anchorsOf("## Recovery after a full outage\n### MessageboardReplicaDown\n"))
        .containsExactlyInAnyOrder("recovery-after-a-full-outage", "messageboardreplicadown");
  }

  /** Alert name to the anchor of its runbook_url; an alert without such a link maps to "". */
  private static Map<String, String> runbookLinks() throws IOException {
    Map<String, String> links = new TreeMap<>();
    try (Stream<Path> files = Files.list(DEPLOY.resolve("prometheus/rules"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
        for (JsonNode group : YAML.readTree(file.toFile()).path("groups")) {
          for (JsonNode rule : group.path("rules")) {
            if (rule.has("alert")) {
              Matcher link = LINK.matcher(rule.path("annotations").path("runbook_url").asText());
              links.put(rule.path("alert").asText(), link.matches() ? link.group(1) : "");
            }
          }
        }
      }
    }
    return links;
  }

  private static Set<String> anchorsOf(String markdown) {
    return HEADING
        .matcher(markdown)
        .results()
        .map(
            heading ->
                heading
                    .group(1)
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9 _-]", "")
                    .replace(' ', '-'))
        .collect(Collectors.toSet());
  }
}
