package io.messageboard.deploy.config;

import static io.messageboard.deploy.config.ExternalTool.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every image the Kubernetes manifests run is named by tag and digest, and the overlay's database
 * images are the versions compose runs.
 */
class KubernetesImagePinningTest {

  // NAME:TAG@sha256:DIGEST; NAME may hold a registry's port, so the tag follows the last ':'.
  private static final Pattern PINNED =
      Pattern.compile(
          "(?<name>[a-z0-9][a-z0-9._/:-]*):(?<tag>[A-Za-z0-9_][A-Za-z0-9._-]{0,127})"
              + "@sha256:[0-9a-f]{64}");

  static List<String> kustomizations() {
    return RenderedManifests.KUSTOMIZATIONS;
  }

  @ParameterizedTest
  @MethodSource("kustomizations")
  void everyRenderedImageCarriesATagAndASha256Digest(String kustomization) throws Exception {
    List<String> images = images(RenderedManifests.render(kustomization));

    assertThat(images).isNotEmpty();
    assertThat(images)
        .allSatisfy(
            image ->
                assertThat(PINNED.matcher(image).matches())
                    .as("%s is NAME:TAG@sha256:<64 hex digits>", image)
                    .isTrue());
  }

  // The search for image fields can fail: it finds the operator's fields as well as containers'.
  @Test
  void theOverlayPinsTheAppTheDatabaseServerAndItsExporter() throws Exception {
    List<String> names =
        images(RenderedManifests.render("k8s/overlays/mariadb-operator")).stream()
            .map(image -> part(image, "name"))
            .distinct()
            .toList();

    assertThat(names)
        .containsExactlyInAnyOrder(
            "messageboard", "docker.io/library/mariadb", "docker.io/prom/mysqld-exporter");
  }

  @Test
  void theOverlayRunsTheMariaDbAndExporterVersionsComposeRuns() throws Exception {
    JsonNode compose = RenderedManifests.YAML.readTree(DEPLOY.resolve("compose.yaml").toFile());
    Map<String, String> composeTags = new HashMap<>();
    compose
        .path("services")
        .forEach(
            service -> {
              String[] image = service.path("image").asText().split(":", 2);
              composeTags.put(dockerHubName(image[0]), image.length == 2 ? image[1] : "");
            });

    List<String> checked = new ArrayList<>();
    for (String image : images(RenderedManifests.render("k8s/overlays/mariadb-operator"))) {
      String name = part(image, "name");
      if (!name.equals("messageboard")) {
        assertThat(part(image, "tag")).as("tag of %s", name).isEqualTo(composeTags.get(name));
        checked.add(name);
      }
    }

    assertThat(checked).contains("docker.io/library/mariadb", "docker.io/prom/mysqld-exporter");
  }

  /** The value of every field named image, wherever it is (containers, the operator's kinds). */
  private static List<String> images(RenderedManifests rendered) {
    List<String> images = new ArrayList<>();
    rendered.documents().forEach(document -> collect(document, images));
    return images;
  }

  private static void collect(JsonNode node, List<String> images) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              field -> {
                if (field.getKey().equals("image") && field.getValue().isTextual()) {
                  images.add(field.getValue().asText());
                } else {
                  collect(field.getValue(), images);
                }
              });
    } else if (node.isArray()) {
      node.forEach(element -> collect(element, images));
    }
  }

  private static String part(String image, String group) {
    Matcher matcher = PINNED.matcher(image);
    assertThat(matcher.matches()).as("%s is pinned", image).isTrue();
    return matcher.group(group);
  }

  /** A Docker Hub short name as the fully qualified one: mariadb is docker.io/library/mariadb. */
  private static String dockerHubName(String name) {
    String first = name.contains("/") ? name.substring(0, name.indexOf('/')) : "";
    if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
      return name;
    }
    return "docker.io/" + (name.contains("/") ? name : "library/" + name);
  }
}
