package io.messageboard.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.messageboard.deploy.e2e.StackUnderTest;
import io.messageboard.deploy.e2e.Topology;
import java.io.IOException;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Controls the local stack's processes through its supervisord, as an operator would. */
final class LocalStack {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final Pattern STUCK_SERVER = Pattern.compile("server_key=(\\S+)");

  private final StackUnderTest stack;

  LocalStack(StackUnderTest stack) {
    this.stack = stack;
  }

  StackUnderTest stack() {
    return stack;
  }

  long pid(String program) {
    String pid = supervisorctl("pid", program).strip();
    assertThat(pid).as("pid of %s", program).matches("[1-9][0-9]*");
    return Long.parseLong(pid);
  }

  void kill(long pid, String signal) {
    run(List.of("kill", "-" + signal, Long.toString(pid)));
  }

  void stop(String program) {
    supervisorctl("stop", program);
  }

  void start(String program) {
    supervisorctl("start", program);
  }

  /** Reloads nginx's configuration gracefully (SIGHUP), as {@code nginx -s reload} does. */
  void reloadNginx() {
    supervisorctl("signal", "HUP", "nginx");
  }

  void restart(String program) {
    supervisorctl("restart", program);
  }

  static final List<String> REPLICAS = List.of("app-1", "app-2", "app-3", "app-4");

  /**
   * The program that is the replicas' database address: HAProxy in front of a cluster (the
   * topology's database-proxy), else the single server.
   */
  String replicasDatabase() {
    Topology topology = StackUnderTest.topology();
    return topology.of("database-proxy").isEmpty()
        ? topology.first("database").name()
        : topology.first("database-proxy").name();
  }

  /**
   * The database node the replicas write to: the one HAProxy's stick table holds (asked on its
   * admin socket), else the single server.
   */
  String writerNode() {
    Topology topology = StackUnderTest.topology();
    if (topology.of("database-proxy").isEmpty()) {
      return topology.first("database").name();
    }
    String table = haproxy("show table database");
    Matcher writer = STUCK_SERVER.matcher(table);
    assertThat(writer.find()).as("HAProxy's writer in:%n%s", table).isTrue();
    return writer.group(1);
  }

  /**
   * Waits until database node {@code node} is Synced in the cluster's primary component (a single
   * server: answers); returns the milliseconds since {@code sinceNanos}.
   */
  long awaitSynced(String node, Duration atMost, long sinceNanos) {
    boolean cluster = !StackUnderTest.topology().of("database-proxy").isEmpty();
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              String state =
                  run(
                      List.of(
                          "mariadb",
                          "--socket=" + stack.stateDir().resolve("run/database/" + node + ".sock"),
                          "--connect-timeout=2",
                          "--batch",
                          "--skip-column-names",
                          "-e",
                          "SET SESSION wsrep_sync_wait = 0;"
                              + " SHOW GLOBAL STATUS LIKE 'wsrep_local_state_comment'; SELECT 1"));
              return cluster ? state.contains("Synced") : state.strip().endsWith("1");
            });
    return (System.nanoTime() - sinceNanos) / 1_000_000;
  }

  private String haproxy(String command) {
    try (SocketChannel channel =
        SocketChannel.open(
            UnixDomainSocketAddress.of(stack.stateDir().resolve("run/haproxy/haproxy.sock")))) {
      channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
      return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot ask HAProxy: " + command, e);
    }
  }

  /**
   * Waits until supervisord has replaced process {@code oldPid} of {@code replica} and the new one
   * is ready; returns the milliseconds since {@code sinceNanos}.
   */
  long awaitRestartedAndReady(String replica, long oldPid, long sinceNanos) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> readinessStatus(replica) == 200 && pid(replica) != oldPid);
    return (System.nanoTime() - sinceNanos) / 1_000_000;
  }

  /** Waits until every replica reports ready; returns the milliseconds since {@code sinceNanos}. */
  long awaitAllReady(Duration atMost, long sinceNanos) {
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> REPLICAS.stream().allMatch(replica -> readinessStatus(replica) == 200));
    return (System.nanoTime() - sinceNanos) / 1_000_000;
  }

  /** The management URL of replica {@code app-N}. */
  String managementUrl(String replica) {
    return stack.managementUrls().get(replicaIndex(replica));
  }

  String replicaUrl(String replica) {
    return stack.replicaUrls().get(replicaIndex(replica));
  }

  int readinessStatus(String replica) {
    return status(managementUrl(replica) + "/health/ready");
  }

  static int status(String url) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /**
   * Resident memory (all of it, and the anonymous part: what the process allocated, as opposed to
   * file pages it maps), open files and threads of a process, from /proc.
   */
  record ProcessFootprint(long rssKib, long anonKib, int openFiles, int threads) {

    ProcessFootprint lowest(ProcessFootprint other) {
      return new ProcessFootprint(
          Math.min(rssKib, other.rssKib),
          Math.min(anonKib, other.anonKib),
          Math.min(openFiles, other.openFiles),
          Math.min(threads, other.threads));
    }
  }

  /** How long {@link #settledFootprints} samples: three of the replicas' 5 s heap trims. */
  static final Duration SETTLING_WINDOW = Duration.ofSeconds(15);

  private static final int SETTLING_SAMPLES = 6;

  /**
   * Each program's footprint at its lowest over {@link #SETTLING_WINDOW} (sampled every 3 s): a
   * replica's RSS swings by over 10 % within seconds while the JIT compiler takes memory and the 5
   * s trim gives it back, so one sample can land on a peak; memory that leaks raises the floor.
   */
  Map<String, ProcessFootprint> settledFootprints(List<String> programs)
      throws InterruptedException {
    // Each pid is asked once, not at every sample: a supervisorctl call takes a few hundred ms and
    // would stretch the window well past its length; a program restarted within the window fails
    // the test (its old pid is gone) instead of being sampled afresh.
    Map<String, Long> pids = new TreeMap<>();
    for (String program : programs) {
      pids.put(program, pid(program));
    }
    Map<String, ProcessFootprint> lowest = new TreeMap<>();
    long every = SETTLING_WINDOW.toMillis() / SETTLING_SAMPLES;
    for (int sample = 0; sample < SETTLING_SAMPLES; sample++) {
      pids.forEach(
          (program, pid) -> lowest.merge(program, footprint(pid), ProcessFootprint::lowest));
      Thread.sleep(every);
    }
    return lowest;
  }

  ProcessFootprint footprint(long pid) {
    try {
      long rss = 0;
      long anon = 0;
      int threads = 0;
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
        } else if (line.startsWith("RssAnon:")) {
          anon = Long.parseLong(line.replaceAll("[^0-9]", ""));
        } else if (line.startsWith("Threads:")) {
          threads = Integer.parseInt(line.replaceAll("[^0-9]", ""));
        }
      }
      int files;
      try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
        files = (int) fds.count();
      }
      return new ProcessFootprint(rss, anon, files, threads);
    } catch (IOException e) {
      throw new AssertionError("cannot read /proc/" + pid, e);
    }
  }

  private static int replicaIndex(String replica) {
    return Integer.parseInt(replica.substring(replica.lastIndexOf('-') + 1)) - 1;
  }

  private String supervisorctl(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add("supervisorctl");
    command.add("-c");
    command.add(stack.stateDir().resolve("supervisord.conf").toString());
    command.addAll(List.of(arguments));
    return run(command);
  }

  private static String run(List<String> command) {
    Finished finished = run(command, Map.of(), Duration.ofMinutes(2));
    assertThat(finished.exitCode()).as("%s finished", command).isNotEqualTo(Finished.TIMED_OUT);
    return finished.output();
  }

  /**
   * Runs {@code deploy/local/stack up}, as an operator brings the stack back after an outage; nginx
   * then gets the suite's rate limit again. Returns what the script printed.
   */
  String up() {
    String output = stackScript(Duration.ofMinutes(5), "up");
    restoreFaultRateLimit();
    return output;
  }

  /**
   * Gives nginx the per-client rate limit the fault suite runs under again ({@code stack faults}
   * passes it), after a {@code stack up} inside a test has put the shared one back.
   */
  private void restoreFaultRateLimit() {
    String limit = System.getProperty("messageboard.e2e.rate-limit", "");
    assertThat(limit).as("-Dmessageboard.e2e.rate-limit").isNotBlank();
    List<String> arguments = new ArrayList<>(List.of("rate-limit"));
    arguments.addAll(List.of(limit.strip().split("\\s+")));
    stackScript(Duration.ofMinutes(1), arguments.toArray(String[]::new));
  }

  /** How a command ended: its exit code ({@link #TIMED_OUT} when it was cut off) and output. */
  record Finished(int exitCode, String output) {
    static final int TIMED_OUT = -1;

    boolean succeeded() {
      return exitCode == 0;
    }
  }

  /**
   * Runs {@code command} with {@code environment} added to this one's; one that outlasts {@code
   * timeout} is killed (a client of a stopped server may wait forever).
   */
  static Finished run(List<String> command, Map<String, String> environment, Duration timeout) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().putAll(environment);
      Process process = builder.start();
      CompletableFuture<String> output =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return new String(
                      process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                  return e.toString();
                }
              });
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        return new Finished(Finished.TIMED_OUT, output.join());
      }
      return new Finished(process.exitValue(), output.join());
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * Runs the stack's own script ({@code deploy/local/stack ARGUMENTS}) on this stack's state folder
   * and topology, as an operator would; fails the test when it fails.
   */
  String stackScript(Duration timeout, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("messageboard.e2e.stack-script", "local/stack"));
    command.addAll(List.of(arguments));
    Finished finished =
        run(
            command,
            Map.of(
                "MESSAGEBOARD_STACK_DIR",
                stack.stateDir().toString(),
                "MESSAGEBOARD_STACK_TOPOLOGY",
                StackUnderTest.topologyFile().toAbsolutePath().toString()),
            timeout);
    assertThat(finished.exitCode()).as("%s: %s", command, finished.output()).isZero();
    return finished.output();
  }
}
