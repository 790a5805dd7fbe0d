package io.messageboard.deploy.e2e;

import io.messageboard.adapter.http.contract.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Where the running stack answers, from {@code -Dmessageboard.e2e.*} settings; the defaults come
 * from the local stack's topology (deploy/runtime/topology, or the file {@code topology} names), so
 * only the base URL and the state folder must be given. A stack whose replicas are not reachable
 * one by one (compose) sets {@code replica-urls} and {@code replica-names} empty: the suite then
 * reaches the replicas through nginx and expects {@code replicas} distinct names; {@code
 * nginx-log-command} prints nginx's access log where it is no file in the state folder; {@code
 * prometheus-jobs} lists the jobs with targets besides the app's; {@code api-token-file} names the
 * generated file of bearer tokens that writes need; {@code galera-nodes} is how many nodes of a
 * Galera cluster the stack runs, each with its own mysqld-exporter (0: one MariaDB without Galera;
 * by default the topology's database lines that have a replication port). {@code plain-url} is
 * nginx's plain-HTTP port when {@code base-url} is its HTTPS one, and {@code plain-http} what it
 * does: {@code serve} (the local stack, on loopback) or {@code redirect} (to HTTPS, compose).
 */
public record StackUnderTest(
    String baseUrl,
    List<String> replicaUrls,
    List<String> managementUrls,
    String prometheusUrl,
    String adminerUrl,
    String alertmanagerUrl,
    String databaseServer,
    String appDatabaseUser,
    Path stateDir,
    int rateLimitBurst,
    List<String> replicaNames,
    int replicas,
    String nginxLogCommand,
    List<String> prometheusJobs,
    Path apiTokenFile,
    int galeraNodes,
    String plainUrl,
    PlainHttp plainHttp) {

  /** What nginx's plain-HTTP port does with a request. */
  public enum PlainHttp {
    /** Answers it, as the HTTPS port does. */
    SERVE,
    /** Sends the client to the same path over HTTPS. */
    REDIRECT
  }

  public static StackUnderTest fromSystemProperties() {
    Topology topology = topology();
    List<Topology.Program> replicas = topology.of("replica");
    return new StackUnderTest(
        required("base-url"),
        list("replica-urls", join(replicas.stream().map(Topology.Program::url).toList())),
        list("management-urls", join(replicas.stream().map(Topology.Program::secondUrl).toList())),
        setting("prometheus-url", topology.first("prometheus").url()),
        setting("adminer-url", topology.first("adminer").url()),
        setting("alertmanager-url", topology.first("alertmanager").url()),
        setting(
            "database-server",
            topology.first("database").address() + ":" + topology.first("database").port()),
        setting("app-database-user", "messageboard_app"),
        Path.of(required("stack-dir")),
        Integer.parseInt(required("rate-limit-burst")),
        list("replica-names", join(replicas.stream().map(Topology.Program::name).toList())),
        Integer.parseInt(setting("replicas", String.valueOf(replicas.size()))),
        setting("nginx-log-command", ""),
        list("prometheus-jobs", "mysqld,nginx,nginx-log,prometheus,node"),
        Path.of(required("api-token-file")),
        Integer.parseInt(
            setting(
                "galera-nodes",
                String.valueOf(
                    topology.of("database").stream()
                        .filter(node -> node.secondPort() != 0)
                        .count()))),
        setting("plain-url", topology.first("nginx").url()),
        PlainHttp.valueOf(setting("plain-http", "serve").toUpperCase(java.util.Locale.ROOT)));
  }

  /** How many database nodes, each with a mysqld-exporter, the stack runs: one without Galera. */
  public int databaseNodes() {
    return Math.max(1, galeraNodes);
  }

  /**
   * The local stack's topology (deploy/runtime/topology, or the file {@code topology} names): the
   * defaults of every address above, and the ports that must listen on loopback only.
   */
  public static Topology topology() {
    return Topology.read(topologyFile());
  }

  /** The file {@link #topology()} reads. */
  public static Path topologyFile() {
    return Path.of(setting("topology", "runtime/topology"));
  }

  private static String join(List<String> values) {
    return String.join(",", values);
  }

  /**
   * A token writes are accepted with: the first in the file the stack generated (read here, so it
   * never appears on a command line).
   */
  public String apiToken() {
    try {
      return Files.readString(apiTokenFile).strip().split(",", -1)[0].strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A contract-checking client for {@code url} that sends the stack's token with every request. */
  public ApiClient client(String url) {
    return new ApiClient(url).withBearerToken(apiToken());
  }

  /** nginx's access log as it is now. */
  String nginxAccessLog() {
    try {
      if (nginxLogCommand.isBlank()) {
        return Files.readString(stateDir.resolve("logs/nginx/access.log"));
      }
      Process process =
          new ProcessBuilder("sh", "-c", nginxLogCommand).redirectErrorStream(true).start();
      String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException(nginxLogCommand + " failed: " + log);
      }
      return log;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The app user's password, from the owner-only file the stack generated. */
  public String appDatabasePassword() {
    return databasePassword("app");
  }

  /** A database user's password ({@code owner}, {@code app}, {@code exporter}), as generated. */
  public String databasePassword(String role) {
    try {
      return Files.readString(stateDir.resolve("secrets/" + role + ".password")).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A folder for what the suite keeps for CI to show (screenshots), under the state folder. */
  public Path artifactsDir() {
    try {
      return Files.createDirectories(stateDir.resolve("e2e"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What the stack's script says of itself ({@code -Dmessageboard.e2e.NAME=false}); true unless it
   * says otherwise. A test that needs it skips when the stack says no, and fails (under CI) when
   * the stack says yes but it is not so.
   */
  static boolean declares(String name) {
    return Boolean.parseBoolean(setting(name, "true"));
  }

  private static String required(String name) {
    String value = System.getProperty("messageboard.e2e." + name, "");
    if (value.isBlank()) {
      throw new IllegalStateException(
          "-Dmessageboard.e2e." + name + " is not set; run the suite with deploy/local/stack e2e");
    }
    return value;
  }

  private static String setting(String name, String fallback) {
    String value = System.getProperty("messageboard.e2e." + name, "");
    return value.isBlank() ? fallback : value;
  }

  /** A comma-separated list; set but empty means an empty list. */
  private static List<String> list(String name, String fallback) {
    String value = System.getProperty("messageboard.e2e." + name);
    String text = value == null ? fallback : value;
    return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
