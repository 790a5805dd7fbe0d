package io.messageboard.bench.harness;

import static java.util.stream.Collectors.joining;

import io.messageboard.bench.report.Targets;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Times the service's container image from {@code docker run} to its readiness answering 200,
 * against the run's MariaDB: five starts as the image starts (its class-data archive mapped),
 * interleaved with five of the same entrypoint less the archive. Where no Docker engine answers or
 * the image was not built, the report says so in place of the times.
 */
final class ImageStartToReady {

  /** The image deploy/docker/build-standins builds from deploy/docker/Dockerfile. */
  static final String IMAGE = "messageboard/app:local";

  private static final int STARTS = 5;

  private final Run run;
  private final QuietCores quietCores;
  private final Map<String, String> dockerEnvironment = new HashMap<>();

  ImageStartToReady(Run run, QuietCores quietCores) {
    this.run = run;
    this.quietCores = quietCores;
  }

  /** Facts with the image's start-up times, or why they were not measured. */
  void measure() {
    findEngine();
    Optional<String> missing = missing();
    if (missing.isPresent()) {
      Log.info("image starts not measured: " + missing.get());
      run.results().fact(Targets.START_IMAGE, "not measured: " + missing.get());
      return;
    }
    Log.info("timing starts of the image " + IMAGE + ", with and without its class-data archive");
    DockerRun image =
        new DockerRun(
            IMAGE,
            inspect("{{range .Config.Entrypoint}}{{println .}}{{end}}")
                .lines()
                .filter(line -> !line.isBlank())
                .toList());
    run.results()
        .fact(
            "image measured (docker run on the host's network)",
            IMAGE
                + ", revision "
                + inspect("{{index .Config.Labels \"org.opencontainers.image.revision\"}}").strip()
                + ", entrypoint `"
                + String.join(" ", image.entrypoint())
                + "`");
    Map<String, String> settings = settings();
    List<Long> asBuilt = new ArrayList<>();
    List<Long> withoutArchive = new ArrayList<>();
    // Interleaved, so that what else the machine does weighs on both alike.
    for (int i = 1; i <= STARTS; i++) {
      String name = "messageboard-bench-image-" + ProcessHandle.current().pid() + "-" + i;
      asBuilt.add(timeToReady(name, image.asBuilt(name, settings.keySet()), settings));
      if (image.mapsAnArchive()) {
        String without = name + "-without-archive";
        withoutArchive.add(
            timeToReady(without, image.withoutArchive(without, settings.keySet()), settings));
      }
    }
    run.results().fact(Targets.START_IMAGE, joined(asBuilt));
    if (!withoutArchive.isEmpty()) {
      run.results().fact(Targets.START_IMAGE_WITHOUT_ARCHIVE, joined(withoutArchive));
    }
  }

  /** DOCKER_HOST as given, else the engine deploy/docker/build-standins would use. */
  private void findEngine() {
    String given = System.getenv("DOCKER_HOST");
    if (given != null && !given.isBlank()) {
      return;
    }
    String script = run.layout().repository().resolve("deploy/docker/build-standins").toString();
    Command.Result engine = Command.run(new ProcessBuilder(script, "env"), null);
    String host = engine.output().strip();
    if (engine.status() == 0 && !host.isEmpty()) {
      dockerEnvironment.put("DOCKER_HOST", host);
    }
  }

  private Optional<String> missing() {
    if (!succeeds("info")) {
      return Optional.of("no Docker engine answers (deploy/docker/build-standins engine-start)");
    }
    if (!succeeds("image", "inspect", IMAGE)) {
      return Optional.of("no image " + IMAGE + " (deploy/docker/build-standins build)");
    }
    return Optional.empty();
  }

  private long timeToReady(String name, List<String> command, Map<String, String> settings) {
    quietCores.await();
    ProcessBuilder docker = docker(command);
    docker.environment().putAll(settings);
    long start = System.nanoTime();
    Launched probe = run.launcher().start(name, docker);
    Http.awaitOk(
        "http://127.0.0.1:" + run.ports().probeManagement() + "/health/ready",
        Duration.ofSeconds(300),
        run.launcher().log(name).toString());
    long ready = System.nanoTime();
    probe.stop();
    // Gone with its client (--rm), unless the client had to be killed.
    succeeds("rm", "--force", name);
    return Duration.ofNanos(ready - start).toMillis();
  }

  private static String joined(List<Long> millis) {
    return millis.stream().map(String::valueOf).collect(joining(","));
  }

  private Map<String, String> settings() {
    return run.settings()
        .product(
            MariaDbServer.DATABASE,
            run.ports().probe(),
            run.ports().probeManagement(),
            "probe-image");
  }

  private String inspect(String format) {
    return Command.output(docker(List.of("docker", "image", "inspect", "--format", format, IMAGE)));
  }

  private boolean succeeds(String... arguments) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(arguments));
    try {
      return Command.run(docker(command), null).status() == 0;
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  private ProcessBuilder docker(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(dockerEnvironment);
    return builder;
  }
}
