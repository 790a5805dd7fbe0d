package io.messageboard.bench.proc;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.bench.Recorded;
import org.junit.jupiter.api.Test;

class ProcStatusTest {

  @Test
  void readsVmRssInKib() {
    assertThat(ProcStatus.residentKib(Recorded.text("proc/pid-status-java.txt"))).isEqualTo(140700);
  }

  @Test
  void givesZeroForAProcessWithoutResidentMemory() {
    assertThat(ProcStatus.residentKib("Name:\tkthreadd\nState:\tS (sleeping)\n")).isZero();
  }
}
