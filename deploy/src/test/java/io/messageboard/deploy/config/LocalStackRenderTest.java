package io.messageboard.deploy.config;

import static io.messageboard.deploy.config.ExternalTool.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack renders its configuration from deploy/runtime (JVM options, environment,
 * topology) and its templates, and nothing else: every port comes from the topology.
 */
class LocalStackRenderTest {

  @Test
  void everyReplicaRunsTheSharedJvmOptionsAndEnvironment(@TempDir Path state) throws Exception {
    render(state, Map.of());
    Map<String, String> shared = new java.util.LinkedHashMap<>(RuntimeFiles.environment("jvm.env"));
    shared.putAll(RuntimeFiles.environment("replica.env"));

    for (int replica = 1; replica <= 4; replica++) {
      String program = Files.readString(state.resolve("programs/app-" + replica + ".conf"));
      assertThat(program)
          .contains("command=java @" + RuntimeFiles.RUNTIME.resolve("jvm.args") + " ");
      shared.forEach(
          (name, value) -> assertThat(program).contains("    " + name + "=\"" + value + "\","));
    }
    assertThat(shared).containsKeys("MALLOC_ARENA_MAX", "MESSAGEBOARD_DB_USER");
  }

  @Test
  void onlyTheReleaseStepGetsTheSchemaOwnersPassword(@TempDir Path state) throws Exception {
    render(state, Map.of());
    String owner =
        "MESSAGEBOARD_DB_MIGRATION_PASSWORD_FILE=" + state.resolve("secrets/owner.password");

    Result replica = config(state, "environment");
    Result migrate = config(state, "migrate-environment");

    assertThat(replica.exitCode()).isZero();
    assertThat(replica.output()).doesNotContain("MESSAGEBOARD_DB_MIGRATION_PASSWORD");
    assertThat(Files.readString(state.resolve("programs/app-1.conf")))
        .doesNotContain("MIGRATION_PASSWORD");
    assertThat(migrate.exitCode()).isZero();
    assertThat(migrate.output().lines())
        .containsAll(replica.output().lines().toList())
        .contains(owner);
  }

  @Test
  void aTenthReplicaGetsThePortsItsTopologyLineGives(@TempDir Path state) throws Exception {
    List<String> topology =
        new ArrayList<>(Files.readAllLines(RuntimeFiles.RUNTIME.resolve("topology")));
    IntStream.rangeClosed(5, 10)
        .forEach(
            replica ->
                topology.add(
                    "replica app-%d 127.0.0.1 %d %d"
                        .formatted(replica, 8180 + replica, 9180 + replica)));
    Path file = state.resolveSibling(state.getFileName() + ".topology");
    Files.write(file, topology);

    render(state, Map.of("MESSAGEBOARD_STACK_TOPOLOGY", file.toString()));

    String upstreams = Files.readString(state.resolve("nginx/upstream-servers.conf"));
    String targets = Files.readString(state.resolve("prometheus/targets/messageboard.yml"));
    assertThat(upstreams.lines()).hasSize(10);
    assertThat(upstreams)
        .contains("server 127.0.0.1:8081 ", "server 127.0.0.1:8190 ")
        .doesNotContain("80810");
    assertThat(targets).contains("\"127.0.0.1:9190\"", "{replica: app-10}");
    assertThat(Files.readString(state.resolve("programs/app-10.conf")))
        .contains(
            "[program:app-10]",
            "MESSAGEBOARD_HTTP_PORT=\"8190\"",
            "MESSAGEBOARD_MANAGEMENT_PORT=\"9190\"");
    Files.delete(file);
  }

  @Test
  void aStateFolderHoldingFilesTheStackDidNotMakeIsNeitherUsedNorPurged(@TempDir Path state)
      throws Exception {
    Path precious = Files.writeString(state.resolve("precious.txt"), "keep me");

    Result rendered = stack(state, Map.of(), "render");
    Result purged = stack(state, Map.of(), "down", "--purge");

    assertThat(rendered.exitCode()).isNotZero();
    assertThat(rendered.output()).contains("holds files the stack did not make");
    assertThat(purged.exitCode()).isNotZero();
    assertThat(purged.output()).contains("not purging", ".messageboard-stack");
    assertThat(precious).hasContent("keep me");
  }

  @Test
  void aStateFolderTheStackMadeIsPurged(@TempDir Path parent) throws Exception {
    Path state = parent.resolve("state");
    render(state, Map.of());

    Result purged = stack(state, Map.of(), "down", "--purge");

    assertThat(purged.exitCode()).as(purged.output()).isZero();
    assertThat(state).doesNotExist();
  }

  @Test
  void aTopologyLineThatIsNoProgramStopsTheStack(@TempDir Path state) throws Exception {
    Path file = state.resolveSibling(state.getFileName() + ".topology");
    Files.writeString(file, "replica app-1 127.0.0.1 eighty\n");
    try {
      Result result =
          stack(state, Map.of("MESSAGEBOARD_STACK_TOPOLOGY", file.toString()), "render");

      assertThat(result.exitCode()).isNotZero();
      assertThat(result.output()).contains("line 1", "ROLE NAME ADDRESS PORT");
    } finally {
      Files.delete(file);
    }
  }

  @Test
  void everyClusterNodeIsDurableAndAGaleraNodeAsTheServerReadsIt(@TempDir Path state)
      throws Exception {
    render(state, Map.of());

    for (int node = 1; node <= 3; node++) {
      Path myCnf = state.resolve("db-" + node + "/my.cnf");
      assertThat(Files.readString(myCnf))
          .contains(
              "!include " + RuntimeFiles.RUNTIME.resolve("mariadb/server.cnf"),
              "!include " + RuntimeFiles.RUNTIME.resolve("mariadb/galera.cnf"));
      String address = "127.0.0.1" + node;

      assertThat(serverVariables(state, myCnf))
          .contains(
              "innodb-flush-log-at-trx-commit 1",
              "sync-binlog 1",
              "binlog-format ROW",
              "innodb-autoinc-lock-mode 2",
              "collation-server utf8mb4_unicode_ci",
              "wsrep-on TRUE",
              "wsrep-provider /usr/lib/galera/libgalera_smm.so",
              "wsrep-sst-method mariabackup",
              "wsrep-node-name db-" + node,
              "wsrep-node-address " + address + ":4567",
              "wsrep-cluster-address gcomm://127.0.0.11:4567,127.0.0.12:4567,127.0.0.13:4567",
              "bind-address " + address,
              "port 3306",
              "datadir " + state.resolve("db-" + node + "/data") + "/")
          .anyMatch(
              line ->
                  line.startsWith("wsrep-provider-options gmcast.listen_addr=tcp://" + address)
                      && line.contains("evs.suspect_timeout="));
    }
  }

  @Test
  void supervisordNeverBootstrapsAClusterNodeAndStartsItOnlyWhenTheStackSays(@TempDir Path state)
      throws Exception {
    render(state, Map.of());

    for (int node = 1; node <= 3; node++) {
      String program = Files.readString(state.resolve("programs/db-" + node + ".conf"));
      assertThat(program)
          .contains(
              "command=" + DEPLOY.resolve("local/database-node") + " run ",
              "autostart=false",
              "autorestart=true")
          .doesNotContain("wsrep-new-cluster", "wsrep_new_cluster");
    }
  }

  @Test
  void theReplicasReachTheClusterThroughHaproxyThatChecksEveryNode(@TempDir Path state)
      throws Exception {
    render(state, Map.of());

    assertThat(Files.readString(state.resolve("app/replica.env")))
        .contains("MESSAGEBOARD_DB_URL=jdbc:mariadb://127.0.0.1:3307/messageboard");
    Path config = state.resolve("haproxy/haproxy.cfg");
    assertThat(Files.readString(config))
        .contains(
            "bind 127.0.0.1:3307",
            "server db-1 127.0.0.11:3306",
            "server db-2 127.0.0.12:3306",
            "server db-3 127.0.0.13:3306",
            "stick-table type ip size 1",
            "external-check command " + state.resolve("haproxy/wsrep-check"));
    assertThat(state.resolve("haproxy/wsrep-check").toRealPath())
        .isEqualTo(DEPLOY.resolve("local/wsrep-ready").toRealPath());
    ExternalTool.run(state, "haproxy", "-c", "-q", "-f", config.toString());
  }

  @Test
  void eachNodeHasItsOwnExporterAndPrometheusTarget(@TempDir Path state) throws Exception {
    render(state, Map.of());

    assertThat(Files.readString(state.resolve("prometheus/targets/mysqld.yml")))
        .contains(
            "- targets: [\"127.0.0.1:9104\"]\n  labels: {node: db-1}",
            "- targets: [\"127.0.0.1:9105\"]\n  labels: {node: db-2}",
            "- targets: [\"127.0.0.1:9106\"]\n  labels: {node: db-3}");
    for (int node = 1; node <= 3; node++) {
      assertThat(Files.readString(state.resolve("secrets/mysqld-exporter-" + node + ".my.cnf")))
          .contains("host=127.0.0.1" + node, "port=3306");
      assertThat(Files.readString(state.resolve("programs/mysqld-exporter-" + node + ".conf")))
          .contains(
              "--config.my-cnf=" + state.resolve("secrets/mysqld-exporter-" + node + ".my.cnf"),
              "--web.listen-address=127.0.0.1:910" + (3 + node));
    }
  }

  @Test
  void theSingleNodeTopologyRunsOneServerWithoutGaleraOrHaproxy(@TempDir Path state)
      throws Exception {
    render(
        state,
        Map.of(
            "MESSAGEBOARD_STACK_TOPOLOGY",
            RuntimeFiles.RUNTIME.resolve("topology-single-node").toString()));

    Path myCnf = state.resolve("mariadb/my.cnf");
    assertThat(Files.readString(myCnf)).doesNotContain("galera.cnf", "wsrep");
    assertThat(serverVariables(state, myCnf))
        .contains("innodb-flush-log-at-trx-commit 1", "sync-binlog 1", "port 3307");
    assertThat(Files.readString(state.resolve("programs/mariadb.conf"))).contains("autostart=true");
    assertThat(state.resolve("haproxy")).doesNotExist();
    assertThat(Files.readString(state.resolve("app/replica.env")))
        .contains("MESSAGEBOARD_DB_URL=jdbc:mariadb://127.0.0.1:3307/messageboard");
  }

  private static List<String> serverVariables(Path state, Path myCnf) throws Exception {
    String variables =
        ExternalTool.output(
            state, "mariadbd", "--defaults-file=" + myCnf, "--user=root", "--help", "--verbose");
    return variables.lines().map(line -> line.strip().replaceAll("\\s+", " ")).toList();
  }

  @Test
  void theRateLimitVerbGivesEachClientItsOwnLimitOrTheSharedOneBack(@TempDir Path state)
      throws Exception {
    render(state, Map.of());
    Path file = state.resolve("nginx/rate-limit.conf");

    assertThat(stack(state, Map.of(), "rate-limit", "100000r/s", "100000").exitCode()).isZero();
    assertThat(Files.isSymbolicLink(file)).isFalse();
    assertThat(Files.readString(file))
        .contains(
            "limit_req_zone $binary_remote_addr zone=messageboard_per_client:10m rate=100000r/s;",
            "burst=100000 nodelay;");
    Files.createDirectories(state.resolve("logs"));
    ExternalTool.run(
        state, "nginx", "-t", "-c", state + "/nginx/nginx.conf", "-p", state + "/nginx");

    assertThat(stack(state, Map.of(), "rate-limit", "shared").exitCode()).isZero();
    assertThat(file.toRealPath()).isEqualTo(DEPLOY.resolve("nginx/rate-limit.conf").toRealPath());

    Result refused = stack(state, Map.of(), "rate-limit", "fast", "10");
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.output()).contains("rate-limit takes RATE BURST");
  }

  @Test
  void theApiTokenFileVerbNamesTheTokensTheStackMade(@TempDir Path state) throws Exception {
    render(state, Map.of());

    Result result = stack(state, Map.of(), "api-token-file");

    assertThat(result.exitCode()).isZero();
    assertThat(Path.of(result.output().strip())).isEqualTo(state.resolve("secrets/api-tokens"));
    assertThat(Files.readString(state.resolve("secrets/api-tokens")).strip())
        .hasSizeGreaterThan(30);
  }

  @Test
  void aTemplateVariableWithoutAValueStopsTheRenderingAndNginxsOwnAreKept(@TempDir Path folder)
      throws Exception {
    Path template = folder.resolve("t.conf.template");
    Files.writeString(template, "a ${RATE} $binary_remote_addr ${host}\nb ${BURST}\n");
    Path renderer = DEPLOY.resolve("render-template");

    Result rendered =
        run(folder, Map.of(), renderer.toString(), template.toString(), "RATE=5r/s", "BURST=7");
    Result missing =
        run(folder, Map.of("BURST", "7"), renderer.toString(), template.toString(), "RATE=5r/s");

    assertThat(rendered.exitCode()).isZero();
    assertThat(rendered.output()).isEqualTo("a 5r/s $binary_remote_addr ${host}\nb 7\n");
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.output()).contains("${BURST} is not set");
  }

  private static void render(Path state, Map<String, String> environment) throws Exception {
    Result result = stack(state, environment, "render");
    assertThat(result.exitCode()).as("stack render:%n%s", result.output()).isZero();
  }

  /**
   * JUnit makes its temporary folders owner-only; started as root, the stack runs its programs as
   * users of their own, which must reach the state folder through them (the stack checks that it
   * renders for a folder they can reach). The state folder itself the stack opens up.
   */
  private static void searchableAbove(Path state) throws IOException {
    Path parent = state.toAbsolutePath().getParent();
    if (parent != null
        && Files.isDirectory(parent)
        && parent.getFileName().toString().startsWith("junit")) {
      Set<PosixFilePermission> permissions = new HashSet<>(Files.getPosixFilePermissions(parent));
      permissions.add(PosixFilePermission.GROUP_EXECUTE);
      permissions.add(PosixFilePermission.OTHERS_EXECUTE);
      Files.setPosixFilePermissions(parent, permissions);
    }
  }

  private static Result stack(Path state, Map<String, String> environment, String... arguments)
      throws IOException, InterruptedException {
    searchableAbove(state);
    Map<String, String> all = new java.util.HashMap<>(environment);
    all.put("MESSAGEBOARD_STACK_DIR", state.toString());
    List<String> command = new ArrayList<>(List.of(DEPLOY.resolve("local/stack").toString()));
    command.addAll(List.of(arguments));
    return run(DEPLOY, all, command.toArray(String[]::new));
  }

  private static Result config(Path state, String command)
      throws IOException, InterruptedException {
    searchableAbove(state);
    return run(
        DEPLOY,
        Map.of("MESSAGEBOARD_STACK_DIR", state.toString()),
        DEPLOY.resolve("local/config").toString(),
        command);
  }

  private record Result(int exitCode, String output) {}

  private static Result run(Path folder, Map<String, String> environment, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }
}
