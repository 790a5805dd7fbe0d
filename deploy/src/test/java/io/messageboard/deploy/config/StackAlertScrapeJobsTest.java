package io.messageboard.deploy.config;

import static io.messageboard.deploy.config.ExternalTool.DEPLOY;
import static io.messageboard.deploy.config.RenderedManifests.YAML;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every alert the local stack and compose ship (all of deploy/prometheus/rules: the shared
 * prometheus.yml loads rules/*.yml) can fire there: each job its expression selects is a job of
 * prometheus.yml whose targets file that deployment fills.
 */
class StackAlertScrapeJobsTest {

  private static final Path PROMETHEUS = DEPLOY.resolve("prometheus");
  private static final String CONTAINER_TARGETS = "/etc/prometheus/targets/";

  @Test
  void everyAlertSelectsOnlyJobsTheLocalStackScrapes(@TempDir Path state) throws Exception {
    render(state);
    Map<String, Path> targets = new TreeMap<>();
    jobTargetFiles().forEach((job, file) -> targets.put(job, state.resolve("prometheus/" + file)));

    Set<String> scraped = jobsWithTargets(targets);

    assertThat(scraped).contains("messageboard", "mysqld", "nginx", "nginx-log", "node");
    assertThat(sharedRules().unfireable(scraped)).isEmpty();
  }

  @Test
  void everyAlertSelectsOnlyJobsComposeScrapes() throws Exception {
    Set<String> scraped = new TreeSet<>();
    Map<String, String> mounted = composeTargetMounts();
    jobTargetFiles()
        .forEach(
            (job, file) -> {
              String source = mounted.get(CONTAINER_TARGETS + Path.of(file).getFileName());
              if (source != null && hasTargets(DEPLOY.resolve(source))) {
                scraped.add(job);
              }
            });
    // The replicas' targets are written at run time by the prometheus-targets service, into the
    // volume mounted over the targets folder.
    assertThat(mounted).containsKey(CONTAINER_TARGETS.substring(0, CONTAINER_TARGETS.length() - 1));
    scraped.add("messageboard");

    assertThat(scraped).contains("mysqld", "nginx", "nginx-log", "node");
    assertThat(sharedRules().unfireable(scraped)).isEmpty();
  }

  @Test
  void anAlertOnAJobWhoseTargetsAreEmptyCannotFire() throws Exception {
    assertThat(sharedRules().unfireable(Set.of("messageboard", "mysqld", "nginx", "node")))
        .containsEntry("MessageboardNginxUpstreamErrors", Set.of("job nginx-log not scraped"));
  }

  /** Every shared rules file as one rule object (the PrometheusRule's spec is a rules file). */
  private static ShippedRules sharedRules() throws IOException {
    List<JsonNode> rules = new ArrayList<>();
    try (Stream<Path> files = Files.list(PROMETHEUS.resolve("rules"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
        ObjectNode rule = JsonNodeFactory.instance.objectNode();
        rule.set("spec", YAML.readTree(file.toFile()));
        rules.add(rule);
      }
    }
    return ShippedRules.of(rules);
  }

  /** prometheus.yml's jobs and the targets file each reads (relative to prometheus.yml). */
  private static Map<String, String> jobTargetFiles() throws IOException {
    Map<String, String> files = new TreeMap<>();
    for (JsonNode job :
        YAML.readTree(PROMETHEUS.resolve("prometheus.yml").toFile()).path("scrape_configs")) {
      JsonNode sd = job.path("file_sd_configs");
      assertThat(sd).as("job %s reads its targets from one file", job.path("job_name")).hasSize(1);
      assertThat(sd.get(0).path("files")).hasSize(1);
      files.put(job.path("job_name").asText(), sd.get(0).path("files").get(0).asText());
    }
    return files;
  }

  private static Set<String> jobsWithTargets(Map<String, Path> targetFiles) throws IOException {
    Set<String> jobs = new TreeSet<>();
    for (Map.Entry<String, Path> entry : targetFiles.entrySet()) {
      if (hasTargets(entry.getValue())) {
        jobs.add(entry.getKey());
      }
    }
    return jobs;
  }

  /** A file_sd file naming at least one target. */
  private static boolean hasTargets(Path file) {
    try {
      if (!Files.exists(file)) {
        return false;
      }
      for (JsonNode group : YAML.readTree(file.toFile())) {
        if (!group.path("targets").isEmpty()) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new IllegalStateException(file.toString(), e);
    }
  }

  /** The Prometheus service's mounts under its targets folder: container path to source. */
  private static Map<String, String> composeTargetMounts() throws IOException {
    Map<String, String> mounts = new TreeMap<>();
    JsonNode compose = YAML.readTree(DEPLOY.resolve("compose.yaml").toFile());
    for (JsonNode volume : compose.path("services").path("prometheus").path("volumes")) {
      String[] parts = volume.asText().split(":", -1);
      if (parts[1].startsWith(CONTAINER_TARGETS.substring(0, CONTAINER_TARGETS.length() - 1))) {
        mounts.put(parts[1], parts[0]);
      }
    }
    return mounts;
  }

  private static void render(Path state) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(DEPLOY.resolve("local/stack").toString(), "render")
            .directory(DEPLOY.toFile())
            .redirectErrorStream(true);
    builder.environment().put("MESSAGEBOARD_STACK_DIR", state.toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("stack render:%n%s", output).isZero();
  }
}
