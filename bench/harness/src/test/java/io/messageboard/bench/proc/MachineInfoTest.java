package io.messageboard.bench.proc;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.bench.Recorded;
import org.junit.jupiter.api.Test;

class MachineInfoTest {

  @Test
  void namesTheCpuModel() {
    assertThat(MachineInfo.cpuModel(Recorded.text("proc/cpuinfo.txt")))
        .isEqualTo("Intel(R) Xeon(R) Processor");
  }

  @Test
  void saysUnknownWhenTheCpuHasNoModelName() {
    assertThat(MachineInfo.cpuModel("processor\t: 0\nBogoMIPS\t: 50.00\n")).isEqualTo("unknown");
  }

  @Test
  void givesTotalMemoryInGib() {
    // MemTotal: 24683664 kB
    assertThat(MachineInfo.memory(Recorded.text("proc/meminfo.txt"))).isEqualTo("23.5 GiB");
  }

  @Test
  void givesTheThreeLoadAverages() {
    assertThat(MachineInfo.loadAverage("13.62 7.83 3.53 21/701 30139\n"))
        .isEqualTo("13.62 7.83 3.53");
  }
}
