package io.messageboard.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.bench.report.Measurement.ProcessUsage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenLoopMeasurementTest {

  @TempDir Path folder;

  /**
   * 1,000 responses: 980 at 0.8 ms, 9 at 1.2 ms, 10 at 1.9 ms and one at 2 ms (values HdrHistogram
   * holds exactly, so the percentiles read as recorded).
   */
  static OpenLoopMeasurement measured(String target, String scenario, int percent, long errors) {
    Histogram latencyUs = new Histogram(3);
    latencyUs.recordValueWithCount(800, 980);
    latencyUs.recordValueWithCount(1_200, 9);
    latencyUs.recordValueWithCount(1_900, 10);
    latencyUs.recordValue(2_000);
    return new OpenLoopMeasurement(
        target,
        scenario,
        "messageboard",
        percent,
        5_389,
        5_381.5,
        1_000,
        12,
        0,
        0,
        errors,
        List.of(
            new ProcessUsage("messageboard", 61.5, 158.2), new ProcessUsage("generator", 14, 90)),
        latencyUs);
  }

  @Test
  void givesPercentilesAndMaxInMilliseconds() {
    OpenLoopMeasurement m = measured("direct", "get-by-id", 50, 0);

    assertThat(m.percentileMs(50)).isEqualTo(0.8);
    assertThat(m.percentileMs(99)).isEqualTo(1.9);
    assertThat(m.percentileMs(99.9)).isEqualTo(1.9);
    assertThat(m.maxMs()).isEqualTo(2.0);
  }

  @Test
  void readsBackTheLineItWritesWithItsHistogram() {
    OpenLoopMeasurement m = measured("nginx", "post", 80, 2);

    OpenLoopMeasurement read = OpenLoopMeasurement.parse(m.toLine().split("\t", -1));

    assertThat(read).usingRecursiveComparison().ignoringFields("latencyUs").isEqualTo(m);
    assertThat(read.latencyUs()).isEqualTo(m.latencyUs());
  }

  @Test
  void writesTheFiguresForReadersOfTheFile() {
    assertThat(measured("direct", "get-by-id", 50, 0).toLine())
        .startsWith(
            "openloop\tdirect\tget-by-id\tmessageboard\t50\t5389\t5381.5\t0.800\t1.900\t1.900"
                + "\t2.000\t1000\t12\t0\t0\t0\tmessageboard:61.5:158.2,generator:14.0:90.0\t");
  }

  @Test
  void isReadAmongTheOtherLinesOfAResultsFile() throws IOException {
    Path file = folder.resolve("run.tsv");
    Files.write(
        file,
        List.of(
            "fact\tmode\tfull",
            "load\tdirect\tget-by-id\tmessageboard\t1\t10000\t1\t2\t4\t12\t0\t0\t100000\t",
            measured("direct", "get-by-id", 50, 0).toLine()));

    Results results = Results.read(file);

    assertThat(results.measurements()).hasSize(1);
    assertThat(results.openLoop()).hasSize(1);
    assertThat(results.openLoop().get(0).maxMs()).isEqualTo(2.0);
  }

  @Test
  void namesAnOpenLoopWithErrorsAmongTheFailures() {
    Results results =
        new Results(
            List.of(),
            Map.of(),
            List.of(measured("direct", "get-by-id", 50, 0), measured("nginx", "post", 80, 2)));

    assertThat(results.failures())
        .containsExactly("nginx post messageboard open loop at 80 %: 0 non-2xx, 2 errors");
  }
}
