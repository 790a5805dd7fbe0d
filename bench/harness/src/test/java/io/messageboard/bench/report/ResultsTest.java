package io.messageboard.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultsTest {

  /** The results file of the run committed as bench/results/2026-12-05T021109Z. */
  static final Path COMMITTED_RUN = Path.of("src/test/resources/committed-run/run.tsv");

  @Test
  void readsMeasurementsAndFactsOfACommittedRun() throws IOException {
    Results results = Results.read(COMMITTED_RUN);

    assertThat(results.fact("mode")).contains("full");
    assertThat(results.of("nginx", "get-by-id", "messageboard")).hasSize(2);
    assertThat(results.distinct(Measurement::program, "direct"))
        .containsExactly("messageboard", "thin-baseline", "spring-peer", "raw-jdbc");
  }

  @Test
  void aRunWithoutErrorsHasNoFailures() throws IOException {
    assertThat(Results.read(COMMITTED_RUN).failures()).isEmpty();
  }

  @Test
  void namesEveryMeasurementWithNon2xxOrSocketErrors() {
    Results results =
        new Results(
            List.of(
                Measurement.parse(
                    "load\tdirect\tpost\tspring-peer\t1\t1\t1\t1\t1\t1\t2\t3\t9\t".split("\t", -1)),
                Measurement.parse(
                    "load\tdirect\tpost\tmessageboard\t1\t1\t1\t1\t1\t1\t0\t0\t9\t"
                        .split("\t", -1))),
            Map.of());

    assertThat(results.failures())
        .containsExactly("direct post spring-peer round 1: 2 non-2xx, 3 socket errors");
  }
}
