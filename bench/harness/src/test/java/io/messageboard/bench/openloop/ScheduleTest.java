package io.messageboard.bench.openloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  @Test
  void spacesRequestsEvenlyFromTheStart() {
    Schedule schedule = new Schedule(4, Duration.ofSeconds(1));

    assertThat(LongStream.range(0, schedule.requests()).map(schedule::dueNanos).toArray())
        .containsExactly(0, 250_000_000, 500_000_000, 750_000_000);
  }

  @Test
  void fitsEveryRequestDueBeforeTheEndOfTheDuration() {
    assertThat(new Schedule(5_389, Duration.ofSeconds(10)).requests()).isEqualTo(53_890);
    assertThat(new Schedule(2.5, Duration.ofSeconds(1)).requests()).isEqualTo(3);
  }

  @Test
  void roundsEachDueTimeOnItsOwnSoNoDriftAccumulates() {
    Schedule schedule = new Schedule(3, Duration.ofHours(1));

    assertThat(schedule.dueNanos(1)).isEqualTo(333_333_333);
    assertThat(schedule.dueNanos(3 * 3_600 - 1)).isEqualTo(3_599_666_666_667L);
  }

  @Test
  void refusesNoRateAndNoDuration() {
    assertThatThrownBy(() -> new Schedule(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Schedule(10, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
