package io.messageboard.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.messageboard.bootstrap.config.Setting;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mariadb-operator overlay's Galera cluster, database, users and grants fit the app and its
 * budget.
 */
class KubernetesMariaDbOverlayTest {

  private static final String OPERATOR_API = "k8s.mariadb.com/v1alpha1";

  private static RenderedManifests rendered;
  private static Map<String, String> settings;

  @BeforeAll
  static void render() throws Exception {
    rendered = RenderedManifests.render("k8s/overlays/mariadb-operator");
    settings = rendered.settings().getData();
  }

  // mariadb-operator names the Service of the node that takes the writes NAME-primary.
  @Test
  void theAppWritesThroughTheOperatorsPrimaryServiceToItsDatabase() {
    JsonNode mariaDb = onlyOne("MariaDB");
    JsonNode database = onlyOne("Database");

    assertThat(settings.get(Setting.DB_URL.environmentVariable()))
        .isEqualTo(
            "jdbc:mariadb://%s-primary:%d/%s"
                .formatted(
                    name(mariaDb), mariaDb.path("spec").path("port").asInt(), name(database)));
    assertThat(mariaDb.path("spec").path("port").asInt()).isPositive();
  }

  @Test
  void theDatabaseIsAThreeNodeGaleraClusterThatRecoversByItself() {
    JsonNode spec = onlyOne("MariaDB").path("spec");
    JsonNode galera = spec.path("galera");

    assertThat(spec.path("replicas").asInt()).isGreaterThanOrEqualTo(3).isOdd();
    assertThat(spec.has("replication")).as("asynchronous replication beside Galera").isFalse();
    assertThat(galera.path("enabled").asBoolean()).isTrue();
    assertThat(galera.path("sst").asText()).isEqualTo("mariabackup");
    assertThat(galera.path("primary").path("automaticFailover").asBoolean()).isTrue();
    assertThat(galera.path("recovery").path("enabled").asBoolean()).isTrue();
    // A recovery while a majority still serves would restart healthy nodes for nothing.
    assertThat(galera.path("recovery").path("minClusterSize").asInt())
        .isEqualTo(spec.path("replicas").asInt() / 2 + 1);
  }

  @Test
  void theServersAreDurableAndReadsWaitForEveryCommittedWrite() {
    String myCnf = onlyOne("MariaDB").path("spec").path("myCnf").asText();

    assertThat(options(myCnf))
        .containsEntry("innodb_flush_log_at_trx_commit", "1")
        .containsEntry("sync_binlog", "1")
        .containsEntry("binlog_format", "row")
        .containsEntry("innodb_autoinc_lock_mode", "2")
        .containsEntry("wsrep_sync_wait", "1");
  }

  // kustomize reads no file outside the overlay, so myCnf restates
  // deploy/runtime/mariadb/server.cnf:
  // every setting of the shared file, with the same value, but the binary log's name and
  // skip-name-resolve, which the operator's replication and its own accounts decide.
  @Test
  void theServersRunTheSharedServerSettings() throws Exception {
    Map<String, String> operator = options(onlyOne("MariaDB").path("spec").path("myCnf").asText());
    Map<String, String> shared =
        options(Files.readString(RuntimeFiles.RUNTIME.resolve("mariadb/server.cnf")));
    shared.keySet().removeAll(Set.of("log_bin", "skip_name_resolve"));

    assertThat(shared).containsKeys("innodb_flush_log_at_trx_commit", "sync_binlog");
    assertThat(operator).containsAllEntriesOf(shared);
  }

  /** The options of a my.cnf text, names with _ for -, values in lower case. */
  private static Map<String, String> options(String myCnf) {
    Map<String, String> options = new java.util.TreeMap<>();
    myCnf
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("["))
        .forEach(
            line -> {
              String[] parts = line.split("=", 2);
              options.put(
                  parts[0].strip().replace('-', '_'),
                  parts.length == 2 ? parts[1].strip().toLowerCase(java.util.Locale.ROOT) : "");
            });
    return options;
  }

  @Test
  void theAppsUserMayOnlyReadAndWriteRowsAndTheOwnerRunsMigrations() {
    String appUser = settings.get(Setting.DB_USER.environmentVariable());
    String owner = settings.get(Setting.DB_MIGRATION_USER.environmentVariable());

    assertThat(privilegesOf(appUser))
        .containsExactlyInAnyOrder("SELECT", "INSERT", "UPDATE", "DELETE");
    assertThat(privilegesOf(owner)).containsExactly("ALL PRIVILEGES");
    assertThat(appUser).isNotEqualTo(owner);
  }

  @Test
  void theUsersPasswordsComeFromTheSecretTheAppAndTheMigrateJobMount() {
    Deployment deployment = rendered.one("Deployment", Deployment.class);
    Job job = rendered.one("Job", Job.class);
    var secret =
        deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
            .filter(volume -> volume.getSecret() != null)
            .findFirst()
            .orElseThrow()
            .getSecret();
    Set<String> mountedKeys =
        java.util.stream.Stream.concat(
                deployment.getSpec().getTemplate().getSpec().getVolumes().stream(),
                job.getSpec().getTemplate().getSpec().getVolumes().stream())
            .filter(volume -> volume.getSecret() != null)
            .filter(volume -> volume.getSecret().getSecretName().equals(secret.getSecretName()))
            .flatMap(volume -> volume.getSecret().getItems().stream())
            .map(KeyToPath::getKey)
            .collect(Collectors.toSet());

    List<JsonNode> users = rendered.ofKind("User");
    assertThat(users).hasSize(2);
    for (JsonNode user : users) {
      JsonNode reference = user.path("spec").path("passwordSecretKeyRef");
      assertThat(reference.path("name").asText()).isEqualTo(secret.getSecretName());
      assertThat(mountedKeys).contains(reference.path("key").asText());
    }
  }

  @Test
  void everyReplicaTheAutoscalerMayStartGetsItsWholePoolWithinMaxConnections() {
    int maxReplicas =
        rendered
            .one("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class)
            .getSpec()
            .getMaxReplicas();
    int poolSize = Integer.parseInt(settings.get(Setting.DB_POOL_SIZE.environmentVariable()));
    int appLimit =
        user(settings.get(Setting.DB_USER.environmentVariable()))
            .path("maxUserConnections")
            .asInt();
    int ownerLimit =
        user(settings.get(Setting.DB_MIGRATION_USER.environmentVariable()))
            .path("maxUserConnections")
            .asInt();
    Matcher maxConnections =
        Pattern.compile("(?m)^\\s*max_connections\\s*=\\s*(\\d+)")
            .matcher(onlyOne("MariaDB").path("spec").path("myCnf").asText());
    assertThat(maxConnections.find()).as("max_connections in myCnf").isTrue();

    assertThat(maxReplicas * poolSize).as("pools at maxReplicas").isLessThanOrEqualTo(appLimit);
    // Only the migrate Job logs in as the owner, with one connection per running pod.
    int migratePods = rendered.one("Job", Job.class).getSpec().getParallelism();
    assertThat(migratePods).as("owner connections").isLessThan(ownerLimit);
    assertThat(appLimit + ownerLimit)
        .as("app and owner limits vs max_connections, with room for operator and monitoring")
        .isLessThan(Integer.parseInt(maxConnections.group(1)) - 10);
  }

  @Test
  void theDatabaseIsBackedUpDailyAndAWeekOfBackupsIsKept() {
    JsonNode backup = onlyOne("Backup").path("spec");

    assertThat(backup.path("schedule").path("cron").asText()).matches("\\d+ \\d+ \\* \\* \\*");
    assertThat(backup.path("schedule").path("suspend").asBoolean()).isFalse();
    assertThat(backup.path("maxRetention").asText()).isEqualTo("168h");
  }

  @Test
  void theRestoreExampleRestoresTheDailyBackupsIntoTheOneMariaDbByTime() throws Exception {
    JsonNode restore =
        RenderedManifests.YAML.readTree(
            ExternalTool.DEPLOY
                .resolve("k8s/overlays/mariadb-operator/restore.example.yaml")
                .toFile());

    assertThat(restore.path("apiVersion").asText()).isEqualTo(OPERATOR_API);
    assertThat(restore.path("kind").asText()).isEqualTo("Restore");
    JsonNode spec = restore.path("spec");
    assertThat(spec.path("mariaDbRef").path("name").asText()).isEqualTo(name(onlyOne("MariaDB")));
    assertThat(spec.path("backupRef").path("name").asText()).isEqualTo(name(onlyOne("Backup")));
    assertThat(java.time.Instant.parse(spec.path("targetRecoveryTime").asText())).isNotNull();
    assertThat(rendered.ofKind("Restore"))
        .as("a Restore is applied by hand, never rendered")
        .isEmpty();
  }

  @Test
  void everyOperatorObjectRefersToTheOneMariaDb() {
    String mariaDb = name(onlyOne("MariaDB"));
    List<String> wrong = new ArrayList<>();
    for (JsonNode document : rendered.documents()) {
      boolean operatorObject = OPERATOR_API.equals(document.path("apiVersion").asText());
      String kind = document.path("kind").asText();
      if (operatorObject && !kind.equals("MariaDB")) {
        if (!mariaDb.equals(document.path("spec").path("mariaDbRef").path("name").asText())) {
          wrong.add(kind + " " + name(document));
        }
      }
    }

    assertThat(wrong).isEmpty();
  }

  private static List<String> privilegesOf(String username) {
    List<JsonNode> grants =
        rendered.ofKind("Grant").stream()
            .filter(g -> username.equals(g.path("spec").path("username").asText()))
            .toList();
    assertThat(grants).as("grants to %s", username).hasSize(1);
    JsonNode spec = grants.get(0).path("spec");
    assertThat(spec.path("database").asText()).isEqualTo(name(onlyOne("Database")));
    List<String> privileges = new ArrayList<>();
    spec.path("privileges").forEach(p -> privileges.add(p.asText()));
    return privileges;
  }

  private static JsonNode user(String username) {
    List<JsonNode> users =
        rendered.ofKind("User").stream().filter(u -> username.equals(databaseUserName(u))).toList();
    assertThat(users).as("User %s", username).hasSize(1);
    return users.get(0).path("spec");
  }

  /** A User's name in the database: spec.name, or the object's name when absent. */
  private static String databaseUserName(JsonNode user) {
    JsonNode name = user.path("spec").path("name");
    return name.isMissingNode() ? name(user) : name.asText();
  }

  private static JsonNode onlyOne(String kind) {
    List<JsonNode> found = rendered.ofKind(kind);
    assertThat(found).as("%s objects", kind).hasSize(1);
    assertThat(found.get(0).path("apiVersion").asText()).isEqualTo(OPERATOR_API);
    return found.get(0);
  }

  private static String name(JsonNode document) {
    return document.path("metadata").path("name").asText();
  }
}
