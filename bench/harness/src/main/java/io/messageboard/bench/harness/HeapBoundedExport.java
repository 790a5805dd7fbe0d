package io.messageboard.bench.harness;

import io.messageboard.bench.jvm.JstatGc;
import io.messageboard.bench.load.ExportBody;
import io.messageboard.bench.load.ExportFigures;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * GET /data from a replica limited to a 64 MiB heap on the probe port: the body is counted as it
 * streams, and jstat samples the heap in use every 100 ms.
 */
final class HeapBoundedExport {

  private HeapBoundedExport() {}

  /** Starts the replica on SCHEMA, already migrated, and waits until it is ready. */
  static Launched start(Run run, String schema, String name) {
    Ports ports = run.ports();
    Launched replica =
        run.launcher()
            .start(
                name,
                run.java()
                    .jar(
                        run.layout().productJar(),
                        List.of(
                            "-Xms" + ExportFigures.HEAP_MIB + "m",
                            "-Xmx" + ExportFigures.HEAP_MIB + "m"),
                        run.settings()
                            .product(schema, ports.probe(), ports.probeManagement(), name)));
    Http.awaitOk(
        "http://127.0.0.1:" + ports.probeManagement() + "/health/ready",
        Duration.ofSeconds(120),
        run.layout().work().toString());
    return replica;
  }

  /**
   * GET /data again and again for SECONDS, the last one cut short, none measured: the JIT compiles
   * the export's path first, so that a board exported in a second is not timed on a cold JVM while
   * a large one is mostly timed warm.
   */
  static void warmUp(Run run, int seconds) throws IOException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    byte[] buffer = new byte[64 * 1024];
    while (System.nanoTime() < deadline) {
      HttpResponse<InputStream> response =
          Http.get(url(run), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        while (System.nanoTime() < deadline && in.read(buffer) != -1) {
          // Reading only: the body is thrown away.
        }
      }
    }
  }

  /** Exports every message through REPLICA, which held EXPECTED_ROWS when asked; leaves it up. */
  static ExportFigures fetch(Run run, Launched replica, long expectedRows) throws IOException {
    String jstatName = "jstat-" + replica.name();
    Launched jstat =
        run.launcher()
            .start(
                jstatName,
                run.java()
                    .tool(List.of("jstat", "-gc", Long.toString(replica.pid()), "100"), Map.of()));
    Path log = run.launcher().log(jstatName);
    // jstat is a JVM too, and a small board exports in less time than it takes to start: the
    // export waits for its first sample, and jstat for one after the export.
    awaitSampleAfter(log, 0);
    long start = System.nanoTime();
    HttpResponse<InputStream> response =
        Http.get(url(run), HttpResponse.BodyHandlers.ofInputStream());
    ExportBody body;
    try (InputStream in = response.body()) {
      body = ExportBody.count(in);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    awaitSampleAfter(log, JstatGc.samples(Files.readString(log)));
    jstat.stop();
    double peak = JstatGc.peakHeapUsedMib(Files.readString(log));
    return new ExportFigures(
        response.statusCode(), expectedRows, body, seconds, peak, replica.alive());
  }

  private static void awaitSampleAfter(Path log, long samples) throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (JstatGc.samples(Files.readString(log)) <= samples) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("jstat took no sample in 30 s (log: " + log + ")");
      }
      Pause.of(Duration.ofMillis(20));
    }
  }

  private static String url(Run run) {
    return "http://127.0.0.1:" + run.ports().probe() + "/data";
  }
}
