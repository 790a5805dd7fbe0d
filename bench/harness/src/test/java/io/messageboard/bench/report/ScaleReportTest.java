package io.messageboard.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.bench.load.ExportBody;
import io.messageboard.bench.load.ExportFigures;
import io.messageboard.bench.scale.BufferPoolCounters;
import io.messageboard.bench.scale.DiskUse;
import io.messageboard.bench.scale.ScaleFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleReportTest {

  private static final long SMALL = 10_000;
  private static final long LARGE = 1_000_000;

  @TempDir Path folder;

  private final List<Measurement> measurements = new ArrayList<>();
  private final Map<String, String> facts = new LinkedHashMap<>();

  private void measured(long board, String scenario, double... rpsPerRound) {
    for (int round = 1; round <= rpsPerRound.length; round++) {
      measurements.add(
          new Measurement(
              ScaleFacts.target(board),
              scenario,
              "messageboard",
              round,
              rpsPerRound[round - 1],
              1,
              2,
              3,
              4,
              0,
              0,
              1000,
              List.of(new Measurement.ProcessUsage("mariadb", 50, 200))));
    }
  }

  private List<String> report() throws IOException {
    facts.put("started", "2026-12-07T19:00:00Z");
    facts.put(ScaleFacts.BASELINE, Long.toString(SMALL));
    facts.put(ScaleFacts.MESSAGES, Long.toString(LARGE));
    Path report = folder.resolve("scale.md");
    ScaleReport.write(new Results(measurements, facts), report);
    return Files.readAllLines(report);
  }

  @Test
  void comparesEachReadOverTheLargeBoardWithTheSameOverTheBaseline() throws IOException {
    measured(SMALL, "get-by-id", 10_000, 12_000);
    measured(LARGE, "get-by-id", 9_000, 9_700);
    measured(SMALL, "deep-page", 4_000, 4_000);
    measured(LARGE, "deep-page", 2_000, 2_000);

    assertThat(report())
        .contains(
            "| GET by id, direct: 1,000,000 / 10,000 messages | 0.85× | ≥ 0.80× | yes |",
            "| deep page (after= among the last 1,000 ids), direct: 1,000,000 / 10,000 messages"
                + " | 0.50× | ≥ 0.80× | **no** |",
            "| non-2xx responses and socket errors, every scenario | 0 | ≤ 0 | yes |");
  }

  @Test
  void givesTheBufferPoolsHitRatioOfEveryRoundAndOfAllTogether() throws IOException {
    measured(SMALL, "get-by-id", 10_000, 10_000);
    measured(LARGE, "get-by-id", 9_000, 9_000);
    String target = ScaleFacts.target(LARGE);
    facts.put(
        ScaleFacts.bufferPool(target, "get-by-id", 1), new BufferPoolCounters(1000, 100).toFact());
    facts.put(
        ScaleFacts.bufferPool(target, "get-by-id", 2), new BufferPoolCounters(3000, 100).toFact());

    assertThat(report())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("| get-by-id | 10000 (10000, 10000) | 9000 (9000, 9000) | 0.90× |")
                    .contains("| 95.00 % (90.00 %, 96.67 %) | 0.10 |"));
  }

  @Test
  void passesTheExportOnlyWhenEveryRowCameWithTheHeapBounded() throws IOException {
    facts.put(
        ScaleFacts.export(LARGE),
        new ExportFigures(200, LARGE, new ExportBody(LARGE, 45_000_000, true), 10, 30.5, true)
            .toFact());
    facts.put(
        ScaleFacts.export(SMALL),
        new ExportFigures(200, SMALL, new ExportBody(SMALL, 450_000, true), 0.5, 12, true)
            .toFact());

    assertThat(report())
        .contains(
            "| GET /data of all 1,000,000 messages, -Xmx64m: finished with the heap bounded"
                + " | 1,000,000 of 1,000,000 rows in 10.0 s, status 200, peak heap used 30.5 MiB,"
                + " alive after: yes | every row, 200, alive after, heap used ≤ 64 MiB | yes |",
            "| rows/s | 20000 | 100000 | 5.00× |");
  }

  @Test
  void failsTheExportThatLostRows() throws IOException {
    facts.put(
        ScaleFacts.export(LARGE),
        new ExportFigures(200, LARGE, new ExportBody(999_900, 45_000_000, false), 10, 30, true)
            .toFact());

    assertThat(report())
        .anySatisfy(
            line -> assertThat(line).startsWith("| GET /data of all").endsWith("| **no** |"));
  }

  @Test
  void givesTheDiskPerMillionMessagesOfEachBoard() throws IOException {
    facts.put(
        ScaleFacts.disk(LARGE),
        new DiskUse(LARGE, 90L * 1_048_576, 92L * 1_048_576, 100L * 1_048_576).toFact());
    facts.put(ScaleFacts.loadSeconds(LARGE), "3.1");

    assertThat(report())
        .contains(
            "| bulk load (s) |  | 3.1 |",
            "| messages table, data + index (information_schema), MiB |  | 90.0 |",
            "| … per million messages, MiB | | 90.0 |",
            "| messages.ibd on disk, MiB |  | 92.0 |",
            "| data directory growth during the load, MiB |  | 100.0 |");
  }

  @Test
  void keepsTheFiguresFactsOutOfTheSettingsTable() throws IOException {
    facts.put("InnoDB buffer pool", "256 MiB (deploy/runtime/mariadb/server.cnf)");

    assertThat(report())
        .contains("| InnoDB buffer pool | 256 MiB (deploy/runtime/mariadb/server.cnf) |")
        .noneMatch(line -> line.startsWith("| " + ScaleFacts.PREFIX));
  }
}
