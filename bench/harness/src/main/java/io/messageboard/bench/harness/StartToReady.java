package io.messageboard.bench.harness;

import static java.util.stream.Collectors.joining;

import io.messageboard.bench.report.Targets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Times the product from start to its readiness answering 200: five times with the external
 * MariaDB, five times more with a class-data archive (as the local stack gives its replicas one),
 * then with the embedded MariaDB, first start and with its data.
 */
final class StartToReady {

  private static final int STARTS = 5;

  private final Run run;
  private final QuietCores quietCores;
  private final List<Integer> busy = new ArrayList<>();

  StartToReady(Run run, QuietCores quietCores) {
    this.run = run;
    this.quietCores = quietCores;
  }

  /** Facts with the start-up times; called before any load, while the other programs idle. */
  void measure() throws IOException {
    Log.info("timing starts of the product");
    Map<String, String> external = probeSettings();
    run.results().fact(Targets.START_EXTERNAL, timedStarts("probe-external", external, List.of()));
    Path archive = writeClassArchive(external);
    run.results()
        .fact(
            Targets.START_ARCHIVED,
            timedStarts("probe-archived", external, List.of("-XX:SharedArchiveFile=" + archive)));
    run.results()
        .fact(
            "cores busy in the second before each timed start (%, waited up to "
                + QuietCores.MAX_WAIT_SECONDS
                + "s for under "
                + QuietCores.QUIET_PERCENT
                + ")",
            busy.stream().map(String::valueOf).collect(joining(",")));
    Map<String, String> embedded = new HashMap<>(probePorts());
    embedded.put("MESSAGEBOARD_DATA_DIR", run.layout().work().resolve("embedded").toString());
    embedded.put("MESSAGEBOARD_REPLICA_ID", "probe");
    long first = timeToReady("probe-embedded-1", embedded, List.of());
    long again = timeToReady("probe-embedded-2", embedded, List.of());
    run.results()
        .fact(
            "start to ready, embedded MariaDB: first start, then with its data (ms)",
            first + ", " + again);
  }

  private String timedStarts(String name, Map<String, String> settings, List<String> flags) {
    List<Long> millis = new ArrayList<>();
    for (int i = 1; i <= STARTS; i++) {
      busy.add(quietCores.await());
      millis.add(timeToReady(name + "-" + i, settings, flags));
    }
    return millis.stream().map(String::valueOf).collect(joining(","));
  }

  private long timeToReady(String name, Map<String, String> settings, List<String> flags) {
    long start = System.nanoTime();
    Launched probe =
        run.launcher().start(name, run.java().jar(run.layout().productJar(), flags, settings));
    awaitReady();
    long ready = System.nanoTime();
    probe.stop();
    return Duration.ofNanos(ready - start).toMillis();
  }

  /**
   * A training run against this MariaDB, so that the driver's, the pool's and the migrations'
   * classes are in the archive too; the JVM writes it as it exits.
   */
  private Path writeClassArchive(Map<String, String> settings) throws IOException {
    Path archive = run.layout().work().resolve("messageboard.jsa");
    Launched training =
        run.launcher()
            .start(
                "archive-training",
                run.java()
                    .jar(
                        run.layout().productJar(),
                        List.of("-XX:ArchiveClassesAtExit=" + archive),
                        settings));
    awaitReady();
    String base = "http://127.0.0.1:" + run.ports().probe();
    Http.requireOk(base + "/api/v1/messages/1");
    Http.requireOk(base + "/api/v1/messages?limit=50");
    training.stop();
    if (!Files.exists(archive) || Files.size(archive) == 0) {
      throw new IllegalStateException("the training run wrote no class-data archive");
    }
    return archive;
  }

  private Map<String, String> probeSettings() {
    return run.settings()
        .product(
            MariaDbServer.DATABASE, run.ports().probe(), run.ports().probeManagement(), "probe");
  }

  private Map<String, String> probePorts() {
    return Map.of(
        "MESSAGEBOARD_HTTP_PORT", Integer.toString(run.ports().probe()),
        "MESSAGEBOARD_MANAGEMENT_PORT", Integer.toString(run.ports().probeManagement()),
        "MESSAGEBOARD_BIND_ADDRESS", "127.0.0.1");
  }

  private void awaitReady() {
    Http.awaitOk(
        "http://127.0.0.1:" + run.ports().probeManagement() + "/health/ready",
        Duration.ofSeconds(300),
        run.layout().work().toString());
  }
}
