package io.messageboard.bench.harness;

import io.messageboard.bench.load.ExportFigures;
import java.io.IOException;

/**
 * GET /data of 200,000 rows from a replica limited to a 64 MiB heap: status, rows, time, body size,
 * and the largest heap in use jstat saw, sampling every 100 ms.
 */
final class SmallHeapExport {

  static final int ROWS = 200_000;

  private SmallHeapExport() {}

  static void measure(Run run) throws IOException {
    Log.info("exporting " + ROWS + " rows from a replica with a 64 MiB heap");
    ProductMigration.run(run, MariaDbServer.EXPORT_DATABASE);
    Launched export = HeapBoundedExport.start(run, MariaDbServer.EXPORT_DATABASE, "export");
    run.database().client().loadMessages(MariaDbServer.EXPORT_DATABASE, ROWS);
    ExportFigures figures = HeapBoundedExport.fetch(run, export, ROWS);
    if (figures.status() != 200) {
      throw new IllegalStateException("GET /data answered " + figures.status());
    }
    run.results().fact("GET /data, " + ROWS + " rows, -Xmx64m", figures.describe());
    export.stop();
  }
}
