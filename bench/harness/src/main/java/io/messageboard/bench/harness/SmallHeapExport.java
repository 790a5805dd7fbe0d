package io.messageboard.bench.harness;

import io.messageboard.bench.jvm.JstatGc;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GET /data of 200,000 rows from a replica limited to a 64 MiB heap: status, rows, time, body size,
 * and the largest heap in use jstat saw, sampling every 100 ms.
 */
final class SmallHeapExport {

  static final int ROWS = 200_000;

  private SmallHeapExport() {}

  static void measure(Run run) throws IOException {
    Log.info("exporting " + ROWS + " rows from a replica with a 64 MiB heap");
    Ports ports = run.ports();
    ProductMigration.run(run, MariaDbServer.EXPORT_DATABASE);
    Launched export =
        run.launcher()
            .start(
                "export",
                run.java()
                    .jar(
                        run.layout().productJar(),
                        List.of("-Xms64m", "-Xmx64m"),
                        run.settings()
                            .product(
                                MariaDbServer.EXPORT_DATABASE,
                                ports.probe(),
                                ports.probeManagement(),
                                "export")));
    Http.awaitOk(
        "http://127.0.0.1:" + ports.probeManagement() + "/health/ready",
        Duration.ofSeconds(120),
        run.layout().work().toString());
    run.database().client().loadMessages(MariaDbServer.EXPORT_DATABASE, ROWS);
    Launched jstat =
        run.launcher()
            .start(
                "jstat",
                run.java()
                    .tool(List.of("jstat", "-gc", Long.toString(export.pid()), "100"), Map.of()));
    Path body = run.layout().work().resolve("export.json");
    long start = System.nanoTime();
    HttpResponse<Path> response =
        Http.get(
            "http://127.0.0.1:" + ports.probe() + "/data", HttpResponse.BodyHandlers.ofFile(body));
    double seconds = (System.nanoTime() - start) / 1e9;
    jstat.stop();
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET /data answered " + response.statusCode());
    }
    double peak = JstatGc.peakHeapUsedMib(Files.readString(run.launcher().log("jstat")));
    long rows;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(body))) {
      rows = rows(in);
    }
    run.results()
        .fact(
            "GET /data, " + ROWS + " rows, -Xmx64m",
            String.format(
                Locale.ROOT,
                "status %d, %d rows, %.3f s, %d MiB body, peak heap used %.1f MiB of 64, alive after: %s",
                response.statusCode(),
                rows,
                seconds,
                Files.size(body) / 1_048_576,
                peak,
                export.alive() ? "yes" : "no"));
    export.stop();
  }

  /** Rows of the export's JSON array of arrays: the separators between them, plus one. */
  static long rows(InputStream body) throws IOException {
    long separators = 0;
    int matched = 0;
    byte[] separator = {']', ',', '['};
    for (int b = body.read(); b != -1; b = body.read()) {
      if (b == separator[matched]) {
        matched++;
        if (matched == separator.length) {
          separators++;
          matched = 0;
        }
      } else {
        matched = b == separator[0] ? 1 : 0;
      }
    }
    return separators + 1;
  }
}
