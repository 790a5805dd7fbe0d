package io.messageboard.deploy.config;

import static io.messageboard.deploy.config.ExternalTool.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.openshift.api.model.monitoring.v1alpha1.AlertmanagerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alertmanager's configuration (deploy/alertmanager) loads in amtool with and without webhooks,
 * routes every alert the rules define by its severity, inhibits only alerts that exist, and is the
 * same on compose and, as an AlertmanagerConfig, on Kubernetes.
 */
class AlertmanagerConfigTest {

  private static final Path TEMPLATE = DEPLOY.resolve("alertmanager/alertmanager.yml.template");
  private static final Path COMPOSE_CONFIG =
      DEPLOY.resolve("compose/alertmanager/alertmanager.yml");
  private static final Map<String, String> RECEIVER_OF_SEVERITY =
      Map.of("critical", "page", "warning", "ticket", "none", "heartbeat");
  private static final List<String> RECEIVERS = List.of("PAGE", "TICKET", "HEARTBEAT");

  @Test
  void theConfigPassesAmtoolWithoutWebhooksAndWithOneForEveryReceiver(@TempDir Path folder)
      throws Exception {
    Path bare = render(folder.resolve("bare.yml"), false);
    Path hooked = render(folder.resolve("hooked.yml"), true);

    assertThat(ExternalTool.run(folder, "amtool", "check-config", bare.toString()))
        .contains("SUCCESS", "3 receivers", "4 inhibit rules");
    assertThat(ExternalTool.run(folder, "amtool", "check-config", hooked.toString()))
        .contains("SUCCESS");
    assertThat(Files.readString(hooked)).contains("url: 'http://127.0.0.1:9/heartbeat'");
  }

  @Test
  void everyAlertOfTheRulesGoesToTheReceiverOfItsSeverity(@TempDir Path folder) throws Exception {
    Path config = render(folder.resolve("alertmanager.yml"), false);
    Map<String, String> severities = alertSeverities();
    assertThat(severities).containsKeys("Watchdog", "MessageboardDatabaseDown");

    Map<String, String> routed = new TreeMap<>();
    for (Map.Entry<String, String> alert : severities.entrySet()) {
      routed.put(
          alert.getKey(),
          ExternalTool.output(
                  folder,
                  "amtool",
                  "config",
                  "routes",
                  "test",
                  "--config.file=" + config,
                  "alertname=" + alert.getKey(),
                  "severity=" + alert.getValue())
              .strip());
    }

    Map<String, String> expected = new TreeMap<>();
    severities.forEach(
        (alert, severity) -> expected.put(alert, RECEIVER_OF_SEVERITY.get(severity)));
    assertThat(routed).isEqualTo(expected);
  }

  @Test
  void theInhibitionsNameOnlyAlertsTheRulesDefine() throws Exception {
    Set<String> named = new TreeSet<>();
    for (JsonNode rule : template().path("inhibit_rules")) {
      for (String side : List.of("source_matchers", "target_matchers")) {
        for (JsonNode matcher : rule.path(side)) {
          String text = matcher.asText();
          if (text.startsWith("alertname")) {
            String value = text.substring(text.indexOf('"') + 1, text.lastIndexOf('"'));
            named.addAll(List.of(value.split("\\|")));
          }
        }
      }
    }

    assertThat(named).isNotEmpty();
    assertThat(alertSeverities().keySet()).containsAll(named);
  }

  @Test
  void composeRunsTheSharedConfigWithoutWebhooks(@TempDir Path folder) throws Exception {
    Path expected = render(folder.resolve("alertmanager.yml"), false);

    assertThat(Files.readString(COMPOSE_CONFIG))
        .as(
            "%s is stale: deploy/render-template %s PAGE_RECEIVER= TICKET_RECEIVER="
                + " HEARTBEAT_RECEIVER= >%s",
            COMPOSE_CONFIG, TEMPLATE, COMPOSE_CONFIG)
        .isEqualTo(Files.readString(expected));
  }

  @Test
  void kubernetesStatesTheSameRoutesAndInhibitions() throws Exception {
    JsonNode rendered = RenderedManifests.render("k8s").named("AlertmanagerConfig", "messageboard");
    KubernetesApiTypes.read(rendered, AlertmanagerConfig.class);
    JsonNode spec = rendered.path("spec");
    JsonNode shared = template();

    assertThat(Dialect.OPERATOR.route(spec.path("route")))
        .isEqualTo(Dialect.ALERTMANAGER.route(shared.path("route")));
    assertThat(Dialect.OPERATOR.inhibitions(spec.path("inhibitRules")))
        .isEqualTo(Dialect.ALERTMANAGER.inhibitions(shared.path("inhibit_rules")));
    List<String> receivers = new ArrayList<>();
    spec.path("receivers").forEach(receiver -> receivers.add(receiver.path("name").asText()));
    assertThat(receivers).containsExactly("page", "ticket", "heartbeat");
  }

  /** The template rendered as deploy/local/config does, with a webhook per receiver or none. */
  private static Path render(Path target, boolean webhooks) throws Exception {
    Files.writeString(target, rendered(webhooks));
    return target;
  }

  private static String rendered(boolean webhooks) throws Exception {
    List<String> command = new ArrayList<>(List.of("./render-template", TEMPLATE.toString()));
    for (String receiver : RECEIVERS) {
      String fragment =
          webhooks
              ? ExternalTool.output(
                  DEPLOY,
                  "./render-template",
                  DEPLOY.resolve("alertmanager/webhook-receiver.yml.template").toString(),
                  "URL=http://127.0.0.1:9/" + receiver.toLowerCase(Locale.ROOT))
              : "";
      command.add(receiver + "_RECEIVER=" + fragment.stripTrailing());
    }
    return ExternalTool.output(DEPLOY, command.toArray(String[]::new));
  }

  private static JsonNode template() throws Exception {
    return RenderedManifests.parse(rendered(false)).get(0);
  }

  /** Every alert of deploy/prometheus/rules with its severity. */
  private static Map<String, String> alertSeverities() throws Exception {
    Map<String, String> severities = new TreeMap<>();
    try (Stream<Path> files = Files.list(DEPLOY.resolve("prometheus/rules"))) {
      for (Path file : files.sorted().toList()) {
        for (JsonNode group :
            RenderedManifests.parse(Files.readString(file)).get(0).path("groups")) {
          for (JsonNode rule : group.path("rules")) {
            if (rule.has("alert")) {
              severities.put(
                  rule.path("alert").asText(), rule.path("labels").path("severity").asText());
            }
          }
        }
      }
    }
    return severities;
  }

  /**
   * How one configuration spells routes and inhibitions: Alertmanager's file (snake_case, matchers
   * as text) or the Prometheus Operator's AlertmanagerConfig (camelCase, matchers as objects).
   */
  private record Dialect(
      String groupWait,
      String groupInterval,
      String repeatInterval,
      String groupBy,
      String matchers,
      String sourceMatchers,
      String targetMatchers,
      UnaryOperator<JsonNode> matcherTexts) {

    static final Dialect ALERTMANAGER =
        new Dialect(
            "group_wait",
            "group_interval",
            "repeat_interval",
            "group_by",
            "matchers",
            "source_matchers",
            "target_matchers",
            UnaryOperator.identity());
    static final Dialect OPERATOR =
        new Dialect(
            "groupWait",
            "groupInterval",
            "repeatInterval",
            "groupBy",
            "matchers",
            "sourceMatch",
            "targetMatch",
            AlertmanagerConfigTest::matcherTexts);

    /** The route tree in one spelling: timings, receiver, grouping and each child's matchers. */
    ObjectNode route(JsonNode route) {
      ObjectNode normal = timings(route);
      normal.set("group_by", route.path(groupBy));
      ArrayNode children = normal.putArray("routes");
      for (JsonNode child : route.path("routes")) {
        children.add(timings(child).set("matchers", matcherTexts.apply(child.path(matchers))));
      }
      return normal;
    }

    ArrayNode inhibitions(JsonNode rules) {
      ArrayNode normal = JsonNodeFactory.instance.arrayNode();
      for (JsonNode rule : rules) {
        normal
            .addObject()
            .setAll(
                Map.of(
                    "source", matcherTexts.apply(rule.path(sourceMatchers)),
                    "target", matcherTexts.apply(rule.path(targetMatchers)),
                    "equal", rule.path("equal")));
      }
      return normal;
    }

    private ObjectNode timings(JsonNode route) {
      ObjectNode timings = JsonNodeFactory.instance.objectNode();
      timings.put("wait", route.path(groupWait).asText(""));
      timings.put("interval", route.path(groupInterval).asText(""));
      timings.put("repeat", route.path(repeatInterval).asText(""));
      timings.put("receiver", route.path("receiver").asText());
      return timings;
    }
  }

  /** The operator's matcher objects in Alertmanager's own form: {@code name="value"}. */
  private static JsonNode matcherTexts(JsonNode operatorMatchers) {
    ArrayNode texts = JsonNodeFactory.instance.arrayNode();
    for (JsonNode matcher : operatorMatchers) {
      texts.add(
          matcher.path("name").asText()
              + matcher.path("matchType").asText("=")
              + '"'
              + matcher.path("value").asText()
              + '"');
    }
    return texts;
  }
}
