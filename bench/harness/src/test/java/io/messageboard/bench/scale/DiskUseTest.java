package io.messageboard.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiskUseTest {

  @Test
  void givesBytesPerMillionMessages() {
    DiskUse disk = new DiskUse(10_000_000, 900_726_784L, 922_746_880L, 1_000_000_000L);

    assertThat(disk.perMillion(disk.tableBytes())).isEqualTo(90_072_678.4);
    assertThat(new DiskUse(10_000, 1_589_248, 0, 0).perMillion(1_589_248)).isEqualTo(158_924_800.0);
  }

  @Test
  void addsDataAndIndexLengthFromTheClientsBatchOutput() {
    assertThat(DiskUse.tableBytes("900726784\t16384\n")).isEqualTo(900_743_168L);
  }

  @Test
  void readsTheBytesOfDusSummary() {
    assertThat(DiskUse.duBytes("1153433600\t/tmp/messageboard-bench.1/mariadb/data\n"))
        .isEqualTo(1_153_433_600L);
  }

  @Test
  void readsBackTheFactItWrites() {
    DiskUse disk = new DiskUse(1_000_000, 90_000_000, 92_274_688, 95_000_000);

    assertThat(DiskUse.fromFact(disk.toFact())).isEqualTo(disk);
  }
}
