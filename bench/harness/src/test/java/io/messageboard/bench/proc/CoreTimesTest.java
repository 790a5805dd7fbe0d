package io.messageboard.bench.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.bench.Recorded;
import org.junit.jupiter.api.Test;

class CoreTimesTest {

  @Test
  void countsIdleAndIowaitAsIdleAndTheRestAsBusy() {
    CoreTimes times =
        CoreTimes.parse("cpu  100 2 30 400 5 6 7 8 9 10\ncpu0 1 2 3 4 5 6 7 8 9 10\n");

    assertThat(times).isEqualTo(new CoreTimes(100 + 2 + 30 + 6 + 7 + 8, 400 + 5));
  }

  @Test
  void aSecondWithoutIdleTicksIsAllBusy() {
    CoreTimes before = CoreTimes.parse(Recorded.text("proc/stat-before.txt"));
    CoreTimes after = CoreTimes.parse(Recorded.text("proc/stat-after.txt"));

    assertThat(after.busyPercentSince(before)).isEqualTo(100);
  }

  @Test
  void givesTheBusyShareOfTheTicksBetweenTwoReadings() {
    assertThat(new CoreTimes(130, 470).busyPercentSince(new CoreTimes(100, 400))).isEqualTo(30);
  }

  @Test
  void noTicksBetweenTwoReadingsIsNotBusy() {
    assertThat(new CoreTimes(100, 400).busyPercentSince(new CoreTimes(100, 400))).isZero();
  }

  @Test
  void refusesALineOtherThanTheCoresTogether() {
    assertThatThrownBy(() -> CoreTimes.parse("cpu0 1 2 3 4 5 6 7 8"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
