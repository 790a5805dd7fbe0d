package io.messageboard.bench.proc;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.bench.Recorded;
import org.junit.jupiter.api.Test;

class ProcStatTest {

  @Test
  void addsUserAndSystemTicks() {
    // utime 158, stime 5
    assertThat(ProcStat.cpuTicks(Recorded.text("proc/pid-stat-java.txt"))).isEqualTo(163);
  }

  @Test
  void findsTheFieldsAfterACommandNameWithBlanksAndParentheses() {
    String stat = Recorded.text("proc/pid-stat-odd-name.txt");

    assertThat(stat).contains("(odd name) x)");
    assertThat(ProcStat.cpuTicks(stat)).isZero();
  }

  @Test
  void readsTheThirteenthAndFourteenthFieldAfterTheName() {
    assertThat(ProcStat.cpuTicks("7 (java) S 1 7 7 0 -1 4194304 10 0 0 0 1200 34 0 0 20 0 30 0"))
        .isEqualTo(1234);
  }
}
