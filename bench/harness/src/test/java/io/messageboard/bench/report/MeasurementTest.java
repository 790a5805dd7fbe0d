package io.messageboard.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementTest {

  private final Measurement measurement =
      new Measurement(
          "direct",
          "post",
          "messageboard",
          1,
          4321.5,
          3.25,
          5.5,
          9.125,
          40.0,
          0,
          0,
          43215,
          List.of(
              new Measurement.ProcessUsage("messageboard", 97.3, 151.2),
              new Measurement.ProcessUsage("mariadb", 55.0, 400.0)));

  @Test
  void readsBackTheLineItWrites() {
    assertThat(Measurement.parse(measurement.toLine().split("\t", -1))).isEqualTo(measurement);
  }

  @Test
  void writesTheColumnsTheCommittedResultsFilesHave() {
    assertThat(measurement.toLine())
        .isEqualTo(
            "load\tdirect\tpost\tmessageboard\t1\t4321.5\t3.250\t5.500\t9.125\t40.000\t0\t0\t43215"
                + "\tmessageboard:97.3:151.2,mariadb:55.0:400.0");
  }

  @Test
  void readsALineWithoutProcesses() {
    Measurement bare =
        Measurement.parse(
            "load\tnginx\tput\tmessageboard\t2\t1\t1\t1\t1\t1\t0\t0\t9\t".split("\t", -1));

    assertThat(bare.processes()).isEmpty();
  }

  @Test
  void isCleanOnlyWithoutNon2xxAndSocketErrors() {
    assertThat(measurement.clean()).isTrue();
    assertThat(
            Measurement.parse("load\tdirect\tpost\tx\t1\t1\t1\t1\t1\t1\t0\t1\t9\t".split("\t", -1))
                .clean())
        .isFalse();
    assertThat(
            Measurement.parse("load\tdirect\tpost\tx\t1\t1\t1\t1\t1\t1\t3\t0\t9\t".split("\t", -1))
                .clean())
        .isFalse();
  }
}
