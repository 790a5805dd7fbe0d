package io.messageboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExportFiguresTest {

  private static final ExportBody EVERY_ROW = new ExportBody(200_000, 9_800_000, true);

  private static ExportFigures export(int status, ExportBody body, double peak, boolean alive) {
    return new ExportFigures(status, 200_000, body, 1.112902, peak, alive);
  }

  @Test
  void describesTheExportAsTheFullRunsReportAlwaysHas() {
    assertThat(export(200, EVERY_ROW, 21.1, true).describe())
        .isEqualTo(
            "status 200, 200000 rows, 1.113 s, 9 MiB body, peak heap used 21.1 MiB of 64,"
                + " alive after: yes");
  }

  @Test
  void finishesWithTheHeapBoundedOnlyWithEveryRowAClosedArrayAndTheReplicaAlive() {
    assertThat(export(200, EVERY_ROW, 21.1, true).finishedWithHeapBounded()).isTrue();
    assertThat(export(503, EVERY_ROW, 21.1, true).finishedWithHeapBounded()).isFalse();
    assertThat(export(200, new ExportBody(199_999, 9_799_900, true), 21.1, true))
        .matches(e -> !e.finishedWithHeapBounded());
    assertThat(export(200, new ExportBody(200_000, 9_799_999, false), 21.1, true))
        .matches(e -> !e.finishedWithHeapBounded());
    assertThat(export(200, EVERY_ROW, 21.1, false).finishedWithHeapBounded()).isFalse();
    assertThat(export(200, EVERY_ROW, 64.5, true).finishedWithHeapBounded()).isFalse();
  }

  @Test
  void givesRowsPerSecond() {
    assertThat(new ExportFigures(200, 10, new ExportBody(10, 100, true), 4.0, 1, true))
        .extracting(ExportFigures::rowsPerSecond)
        .isEqualTo(2.5);
  }

  @Test
  void readsBackTheFactItWrites() {
    ExportFigures figures = export(200, EVERY_ROW, 21.1, true);

    assertThat(ExportFigures.fromFact(figures.toFact()))
        .isEqualTo(new ExportFigures(200, 200_000, EVERY_ROW, 1.113, 21.1, true));
  }

  @Test
  void refusesAFactWithMissingFields() {
    assertThatThrownBy(() -> ExportFigures.fromFact("200 10 10"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
