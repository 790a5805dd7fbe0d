package io.messageboard.bench.harness;

import io.messageboard.bench.load.ExportFigures;
import io.messageboard.bench.scale.DiskUse;
import io.messageboard.bench.scale.ScaleFacts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The scale run (bench/run --scale): a board of BENCH_SCALE_ROWS messages beside the full run's
 * 10,000, both bulk-loaded into the same MariaDB; the disk each takes, GET /data of each in a 64
 * MiB heap before anything is posted, then the scale scenarios ({@link ScaleRounds}). The large
 * board is dropped at the end, whatever happened.
 */
final class ScaleRun {

  static final String SCHEMA = "bench_scale";

  private final Run run;
  private final ScaleSettings settings;
  private final BoardDatabase database;

  ScaleRun(Run run, ScaleSettings settings) {
    this.run = run;
    this.settings = settings;
    this.database = new BoardDatabase(run.database().client());
  }

  void measure() throws IOException {
    Ports ports = run.ports();
    List<ScaleBoard> boards =
        List.of(
            new ScaleBoard(
                MariaDbServer.DATABASE, Run.ROWS, ports.product(), ports.productManagement()),
            new ScaleBoard(
                SCHEMA, settings.messages(), ports.scaleBoard(), ports.scaleBoardManagement()));
    settings.bufferPoolMib().ifPresent(database::resizeBufferPool);
    ResultsFile results = run.results();
    results.fact("InnoDB buffer pool", bufferPool());
    results.fact("bulk load", BulkLoad.DESCRIPTION);
    results.fact(ScaleFacts.BASELINE, Integer.toString(Run.ROWS));
    results.fact(ScaleFacts.MESSAGES, Integer.toString(settings.messages()));
    database
        .client()
        .execute(
            null,
            "CREATE DATABASE "
                + SCHEMA
                + ";\nGRANT ALL PRIVILEGES ON "
                + SCHEMA
                + ".* TO '"
                + MariaDbServer.USER
                + "'@'127.0.0.1';\n");
    try {
      for (ScaleBoard board : boards) {
        ProductMigration.run(run, board.schema());
        load(board);
      }
      for (ScaleBoard board : boards) {
        export(board);
      }
      new ScaleRounds(run, boards, database).measure();
    } finally {
      drop();
    }
  }

  /** Gives the large board's disk back, without hiding why the run failed if it did. */
  private void drop() {
    try {
      database.client().execute(null, "DROP DATABASE IF EXISTS " + SCHEMA + ";\n");
    } catch (IllegalStateException e) {
      Log.info("could not drop " + SCHEMA + ": " + e.getMessage());
    }
  }

  private String bufferPool() {
    String size = database.bufferPoolBytes() / 1_048_576 + " MiB";
    return settings.bufferPoolMib().isPresent()
        ? size + ", resized for this run (BENCH_SCALE_BUFFER_POOL_MIB)"
        : size + " (deploy/runtime/mariadb/server.cnf)";
  }

  private void load(ScaleBoard board) {
    Log.info("loading " + board.messages() + " messages into " + board.schema());
    Path dataDirectory = database.dataDirectory();
    long before = BoardDatabase.onDisk(dataDirectory);
    double seconds = BulkLoad.load(database.client(), board.schema(), board.messages());
    DiskUse disk =
        new DiskUse(
            board.messages(),
            database.tableBytes(board.schema()),
            BoardDatabase.onDisk(dataDirectory.resolve(board.schema()).resolve("messages.ibd")),
            BoardDatabase.onDisk(dataDirectory) - before);
    run.results()
        .fact(
            ScaleFacts.loadSeconds(board.messages()), String.format(Locale.ROOT, "%.1f", seconds));
    run.results().fact(ScaleFacts.disk(board.messages()), disk.toFact());
    Log.info(
        String.format(
            Locale.ROOT,
            "loaded %d messages in %.1f s; table %.0f MiB per million messages",
            board.messages(),
            seconds,
            disk.perMillion(disk.tableBytes()) / 1_048_576));
  }

  private void export(ScaleBoard board) throws IOException {
    Log.info(
        "exporting the "
            + board.messages()
            + " messages from a replica with a 64 MiB heap, after "
            + run.mode().jitWarmUpSeconds()
            + " s of unmeasured exports");
    Launched replica = HeapBoundedExport.start(run, board.schema(), "export-" + board.messages());
    HeapBoundedExport.warmUp(run, run.mode().jitWarmUpSeconds());
    ExportFigures figures = HeapBoundedExport.fetch(run, replica, board.messages());
    replica.stop();
    run.results().fact(ScaleFacts.export(board.messages()), figures.toFact());
    Log.info("GET /data: " + figures.describe());
    if (figures.status() != 200) {
      throw new IllegalStateException("GET /data answered " + figures.status());
    }
  }
}
