package io.messageboard.deploy.config;

import static io.messageboard.deploy.config.ExternalTool.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.messageboard.bootstrap.config.Setting;
import io.messageboard.deploy.e2e.Topology;
import io.messageboard.testing.Prerequisite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose.yaml and its stand-in override follow the Compose Specification and the stack's
 * rules: pinned images, only nginx public, the app's least-privilege database users.
 */
class ComposeFileTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * The official schema, kept beside the repository (never copied into it): ../shared/schemas from
   * the repository root, or where COMPOSE_SPEC_SCHEMA names it.
   */
  private static final Path SCHEMA =
      System.getenv().containsKey("COMPOSE_SPEC_SCHEMA")
          ? Path.of(System.getenv("COMPOSE_SPEC_SCHEMA"))
          : DEPLOY.getParent().getParent().resolve("shared/schemas/compose-spec.json");

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?-([^}]*))?}");
  private static final Pattern PINNED_TAG = Pattern.compile(".+:[A-Za-z0-9._-]*\\d[A-Za-z0-9._-]*");

  private static JsonNode compose;
  private static JsonNode override;

  @BeforeAll
  static void read() throws IOException {
    compose = YAML.readTree(DEPLOY.resolve("compose.yaml").toFile());
    override = YAML.readTree(DEPLOY.resolve("compose.local.yaml").toFile());
  }

  @Test
  void bothFilesFollowTheComposeSpecificationSchema() throws IOException {
    Prerequisite.require(Files.isRegularFile(SCHEMA), SCHEMA + " is missing");
    // Its relative $id resolves against the file's own location.
    JsonSchema schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(
                SchemaLocation.of(SCHEMA.toUri().toString()),
                new ObjectMapper().readTree(SCHEMA.toFile()));

    Set<ValidationMessage> composeErrors = schema.validate(compose);
    Set<ValidationMessage> overrideErrors = schema.validate(override);

    assertThat(composeErrors).as("compose.yaml").isEmpty();
    assertThat(overrideErrors).as("compose.local.yaml").isEmpty();
    // The check can fail: a misspelt key is refused.
    assertThat(schema.validate(YAML.readTree("services: {app: {imag: nginx:1.28.0}}")))
        .isNotEmpty();
  }

  @Test
  void hasNeitherVersionNorNameWhichDockerCompose129Refuses() {
    assertThat(compose.has("version")).isFalse();
    assertThat(compose.has("name")).isFalse();
    assertThat(override.has("version")).isFalse();
    assertThat(override.has("name")).isFalse();
  }

  @Test
  void everyImageIsPinnedToAVersion() {
    services(compose)
        .forEach(
            (name, service) ->
                assertThat(service.path("image").asText())
                    .as("image of %s", name)
                    .matches(PINNED_TAG)
                    .doesNotEndWith(":latest"));
  }

  @Test
  void theOverrideNamesOnlyImagesBuiltHereByBuildStandins() {
    services(override)
        .forEach(
            (name, service) ->
                assertThat(service.path("image").asText())
                    .as("image of %s", name)
                    .matches("(messageboard-standin/[a-z-]+|messageboard/app):local"));
  }

  @Test
  void onlyNginxIsPublishedOnANonLoopbackAddress() {
    List<String> published = new ArrayList<>();
    List<String> nginxPorts = new ArrayList<>();
    services(compose)
        .forEach(
            (name, service) -> {
              for (JsonNode port : service.path("ports")) {
                String address = hostAddress(port.asText());
                published.add(name);
                if (name.equals("nginx")) {
                  nginxPorts.add(containerPort(port.asText()));
                } else {
                  assertThat(address)
                      .as("host address of %s's %s", name, port)
                      .isEqualTo("127.0.0.1");
                }
              }
            });
    // HTTPS, and plain HTTP that only redirects to it.
    assertThat(nginxPorts).containsExactlyInAnyOrder("443", "80");
    assertThat(published).contains("nginx", "adminer", "prometheus", "grafana");
    assertThat(services(compose).get("mariadb").has("ports")).isFalse();
    assertThat(services(compose).get("app").has("ports")).isFalse();
  }

  @Test
  void theAppRunsAsManyReplicasAsTheLocalStackOnADatabaseThatIsHealthy() {
    JsonNode app = services(compose).get("app");
    int local = Topology.read(RuntimeFiles.RUNTIME.resolve("topology")).of("replica").size();

    assertThat(local).isEqualTo(4);
    assertThat(app.at("/deploy/replicas").asInt()).isEqualTo(local);
    assertThat(app.at("/depends_on/mariadb/condition").asText()).isEqualTo("service_healthy");
    assertThat(services(compose).get("nginx").at("/depends_on/app/condition").asText())
        .isEqualTo("service_healthy");
    services(compose)
        .forEach(
            (name, service) ->
                assertThat(service.path("restart").asText())
                    .as("%s's restart", name)
                    .isEqualTo(name.equals("migrate") ? "no" : "unless-stopped"));
  }

  @Test
  void aOneShotMigrateServiceOnTheAppsImageRunsAsTheOwnerBeforeTheReplicas() {
    JsonNode migrate = services(compose).get("migrate");
    JsonNode app = services(compose).get("app");

    assertThat(migrate.path("image").asText()).isEqualTo(app.path("image").asText());
    assertThat(texts(migrate.path("command"))).containsExactly("migrate");
    assertThat(texts(migrate.path("env_file"))).isEqualTo(texts(app.path("env_file")));
    assertThat(migrate.at("/environment/MESSAGEBOARD_DB_URL").asText())
        .isEqualTo(app.at("/environment/MESSAGEBOARD_DB_URL").asText());
    assertThat(
            migrate
                .path("environment")
                .path(Setting.DB_MIGRATION_PASSWORD.environmentVariable() + "_FILE")
                .asText())
        .isEqualTo("/run/secrets/db-owner-password");
    assertThat(texts(migrate.path("secrets"))).containsExactly("db-owner-password");
    assertThat(migrate.at("/depends_on/mariadb/condition").asText()).isEqualTo("service_healthy");
    assertThat(migrate.at("/healthcheck/disable").asBoolean()).isTrue();
    assertThat(app.at("/depends_on/migrate/condition").asText())
        .isEqualTo("service_completed_successfully");
    assertThat(services(override).get("migrate").path("image").asText())
        .isEqualTo(services(override).get("app").path("image").asText());
  }

  @Test
  void theReplicasGetNoSchemaOwnerPassword() {
    JsonNode app = services(compose).get("app");

    assertThat(app.path("environment").fieldNames())
        .toIterable()
        .noneMatch(name -> name.startsWith(Setting.DB_MIGRATION_PASSWORD.environmentVariable()));
    assertThat(texts(app.path("secrets"))).doesNotContain("db-owner-password");
  }

  @Test
  void mariaDbIsHealthCheckedAsTheOfficialImageIsAndKeepsItsDataInAVolume() {
    JsonNode mariadb = services(compose).get("mariadb");

    assertThat(texts(mariadb.at("/healthcheck/test")))
        .containsExactly("CMD", "healthcheck.sh", "--connect", "--innodb_initialized");
    assertThat(texts(mariadb.path("volumes"))).contains("mariadb-data:/var/lib/mysql");
  }

  @Test
  void theBackupServicesRunTheSharedToolOnTheDatabasesImageAsTheBackupUser() {
    Map<String, JsonNode> services = services(compose);
    String mariadbImage = services.get("mariadb").path("image").asText();

    for (String name : List.of("backup", "binlog-archive")) {
      JsonNode service = services.get(name);
      assertThat(service.path("image").asText()).as("image of %s", name).isEqualTo(mariadbImage);
      assertThat(texts(service.path("entrypoint")).get(0))
          .isEqualTo("/etc/messageboard/mariadb/backup");
      assertThat(texts(service.path("secrets"))).containsExactly("backup-my-cnf");
      assertThat(texts(service.path("volumes")))
          .contains("./runtime/mariadb:/etc/messageboard/mariadb:ro")
          .anyMatch(volume -> volume.startsWith("node-textfile:"));
    }
    assertThat(texts(services.get("backup").path("volumes")))
        .contains("mariadb-data:/var/lib/mysql:ro", "backups:/var/lib/messageboard/backups");
    assertThat(texts(services.get("mariadb").path("secrets"))).contains("db-backup-password");
    assertThat(texts(services.get("node-exporter").path("command")))
        .contains("--collector.textfile.directory=/var/lib/messageboard/textfile");
  }

  @Test
  void mtailCountsTheAccessLogThatNginxSendsItAndPrometheusScrapesIt() throws IOException {
    Map<String, JsonNode> services = services(compose);
    String nginxConf = Files.readString(DEPLOY.resolve("compose/nginx/nginx.conf"));

    assertThat(texts(services.get("mtail").path("command")))
        .contains("--progs=/etc/mtail/nginx.mtail", "--logs=udp://0.0.0.0:5140");
    assertThat(texts(services.get("mtail").path("volumes")))
        .contains("./nginx/nginx.mtail:/etc/mtail/nginx.mtail:ro");
    assertThat(nginxConf)
        .contains("access_log syslog:server=mtail:5140,tag=nginx,nohostname messageboard_mtail;");
    assertThat(logFormat(nginxConf, "messageboard_mtail"))
        .isEqualTo(
            logFormat(Files.readString(DEPLOY.resolve("nginx/messageboard.conf")), "messageboard")
                + "\n");
    assertThat(services.get("nginx").at("/depends_on/mtail/condition").asText())
        .isEqualTo("service_started");
    assertThat(Files.readString(DEPLOY.resolve("compose/prometheus/targets/nginx-log.yml")))
        .contains("\"mtail:3903\"");
  }

  // Read after the image's own files (the official image's and Debian's 50-server.cnf), so that
  // the shared settings win; no flag list beside them could drift from the file.
  @Test
  void mariaDbRunsTheSharedServerSettingsFromItsConfigurationFolder() {
    JsonNode mariadb = services(compose).get("mariadb");

    assertThat(texts(mariadb.path("volumes")))
        .contains("./runtime/mariadb/server.cnf:/etc/mysql/mariadb.conf.d/90-messageboard.cnf:ro");
    assertThat(mariadb.has("command")).as("mariadb's command").isFalse();
  }

  @Test
  void theReplicasRunTheSharedJvmEnvironmentAndSettings() {
    JsonNode app = services(compose).get("app");

    assertThat(texts(app.path("env_file")))
        .containsExactly("runtime/jvm.env", "runtime/replica.env");
    assertThat(app.path("environment").has("MALLOC_ARENA_MAX")).isFalse();
  }

  @Test
  void theAppUsesADmlOnlyUserAndMigratesAsTheOwner() throws IOException {
    Map<String, String> shared = RuntimeFiles.environment("replica.env");
    JsonNode environment = services(compose).get("app").path("environment");
    String appUser = shared.get(Setting.DB_USER.environmentVariable());
    String owner = shared.get(Setting.DB_MIGRATION_USER.environmentVariable());
    String users = Files.readString(DEPLOY.resolve("runtime/mariadb/users.sql"));
    String hook = Files.readString(DEPLOY.resolve("compose/mariadb/10-users.sh"));

    assertThat(appUser).isNotBlank().isNotEqualTo(owner);
    assertThat(owner).isNotBlank();
    assertThat(users)
        .contains(
            "QUOTE('" + appUser + "')",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON messageboard.* TO ",
            "QUOTE('" + owner + "')");
    assertThat(texts(services(compose).get("mariadb").path("volumes")))
        .contains(
            "./runtime/mariadb:/etc/messageboard/mariadb:ro",
            "./compose/mariadb/10-users.sh:/docker-entrypoint-initdb.d/10-users.sh:ro");
    assertThat(hook).contains("/etc/messageboard/mariadb/users-sql %");
    assertThat(environment.path(Setting.DB_USER.environmentVariable()).isMissingNode()).isTrue();
    assertThat(environment.path(Setting.DB_PASSWORD.environmentVariable()).isMissingNode())
        .isTrue();
    assertThat(environment.path(Setting.DB_PASSWORD.environmentVariable() + "_FILE").asText())
        .startsWith("/run/secrets/");
  }

  @Test
  void theReplicasReadTheirApiTokensFromAMountedSecret() {
    JsonNode app = services(compose).get("app");
    String file =
        app.path("environment").path(Setting.API_TOKENS.environmentVariable() + "_FILE").asText();

    assertThat(
            app.path("environment").path(Setting.API_TOKENS.environmentVariable()).isMissingNode())
        .isTrue();
    assertThat(file).startsWith("/run/secrets/");
    assertThat(texts(app.path("secrets"))).contains(Path.of(file).getFileName().toString());
    assertThat(compose.path("secrets").has(Path.of(file).getFileName().toString())).isTrue();
  }

  @Test
  void secretsComeFromFilesWhoseExamplesHoldOnlyPlaceholders() throws IOException {
    Iterator<Map.Entry<String, JsonNode>> secrets = compose.path("secrets").properties().iterator();
    assertThat(secrets.hasNext()).isTrue();
    while (secrets.hasNext()) {
      Map.Entry<String, JsonNode> secret = secrets.next();
      String file = secret.getValue().path("file").asText();
      Path example = DEPLOY.resolve("compose/secrets.example").resolve(Path.of(file).getFileName());
      assertThat(example).as("example of secret %s", secret.getKey()).isRegularFile();
      assertThat(Files.readString(example)).contains("CHANGE-ME");
    }
  }

  @Test
  void everyMountedFileExists() {
    services(compose)
        .forEach(
            (name, service) ->
                texts(service.path("volumes")).stream()
                    .map(volume -> withDefaults(volume).split(":", -1)[0])
                    .filter(source -> source.startsWith("./"))
                    // Grafana's provisioning and dashboards are written separately.
                    .filter(source -> !source.startsWith("./grafana/"))
                    .forEach(
                        source ->
                            assertThat(DEPLOY.resolve(source).normalize())
                                .as("%s mounts %s", name, source)
                                .exists()));
  }

  @Test
  void theOverrideSwapsImagesOnlyAndNginxsUpstreamList() {
    services(override)
        .forEach(
            (name, service) -> {
              assertThat(services(compose)).containsKey(name);
              List<String> keys = new ArrayList<>();
              service.fieldNames().forEachRemaining(keys::add);
              if (name.equals("nginx")) {
                assertThat(keys).containsExactlyInAnyOrder("image", "volumes");
                assertThat(texts(service.path("volumes")))
                    .containsExactly(
                        "./compose/nginx/upstream-servers.static.conf:/etc/nginx/upstream-servers.conf:ro");
              } else {
                assertThat(keys).as("keys of %s", name).containsExactly("image");
              }
            });
    assertThat(override.fieldNames()).toIterable().containsExactly("services");
  }

  @Test
  void grafanaMountsTheDashboardsWhereItsProviderReadsThem() throws IOException {
    JsonNode provider =
        YAML.readTree(DEPLOY.resolve("grafana/provisioning/dashboards/messageboard.yml").toFile());
    String providerPath = provider.path("providers").path(0).path("options").path("path").asText();

    assertThat(providerPath).startsWith("/");
    assertThat(texts(services(compose).get("grafana").path("volumes")))
        .contains(
            "./grafana/provisioning:/etc/grafana/provisioning:ro",
            "./grafana/dashboards:" + providerPath + ":ro");
  }

  /** The text of an nginx log_format: its quoted pieces joined. */
  private static String logFormat(String conf, String name) {
    Matcher format = Pattern.compile("log_format " + name + " ((?:'[^']*'\\s*)+);").matcher(conf);
    assertThat(format.find()).as("log_format %s", name).isTrue();
    StringBuilder text = new StringBuilder();
    Matcher piece = Pattern.compile("'([^']*)'").matcher(format.group(1));
    while (piece.find()) {
      text.append(piece.group(1));
    }
    return text.toString();
  }

  private static Map<String, JsonNode> services(JsonNode file) {
    Map<String, JsonNode> services = new java.util.LinkedHashMap<>();
    file.path("services").properties().forEach(e -> services.put(e.getKey(), e.getValue()));
    return services;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  /** The text with every ${VAR:-default} replaced by its default. */
  private static String withDefaults(String text) {
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String fallback = matcher.group(2) == null ? "" : matcher.group(2);
      matcher.appendReplacement(result, Matcher.quoteReplacement(fallback));
    }
    return matcher.appendTail(result).toString();
  }

  /** HOST:HOSTPORT:CONTAINERPORT → HOST, with variables at their defaults. */
  private static String hostAddress(String port) {
    String[] parts = withDefaults(port).split(":", -1);
    assertThat(parts).as("ports entry %s names its host address", port).hasSize(3);
    return parts[0];
  }

  private static String containerPort(String port) {
    String[] parts = withDefaults(port).split(":", -1);
    return parts[parts.length - 1];
  }
}
