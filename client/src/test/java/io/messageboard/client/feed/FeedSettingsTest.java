package io.messageboard.client.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeedSettingsTest {

  private static final FeedSettings SETTINGS =
      new FeedSettings(
          Duration.ofSeconds(30),
          Duration.ofSeconds(45),
          256,
          Duration.ofMillis(100),
          Duration.ofSeconds(2));

  @Test
  void backsOffInTheUpperHalfOfADoublingCeilingUpToTheLongest() {
    for (int i = 0; i < 200; i++) {
      assertThat(SETTINGS.backoff(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
      assertThat(SETTINGS.backoff(3)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
      assertThat(SETTINGS.backoff(40)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }
  }

  @Test
  void refusesABufferWithoutRoomForAnEvent() {
    assertThatThrownBy(
            () ->
                new FeedSettings(
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(45),
                    0,
                    Duration.ofMillis(100),
                    Duration.ofSeconds(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bufferedEvents");
  }

  @Test
  void refusesALongestBackoffShorterThanTheFirst() {
    assertThatThrownBy(
            () ->
                new FeedSettings(
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(45),
                    1,
                    Duration.ofSeconds(3),
                    Duration.ofSeconds(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longestBackoff");
  }

  @Test
  void refusesAZeroHeartbeatTimeoutOrBackoff() {
    Duration zero = Duration.ZERO;
    Duration one = Duration.ofSeconds(1);
    assertThatThrownBy(() -> new FeedSettings(one, zero, 1, one, one))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("heartbeatTimeout");
    assertThatThrownBy(() -> new FeedSettings(one, one, 1, zero, one))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("firstBackoff");
    assertThatThrownBy(() -> new FeedSettings(one, one, 1, one, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longestBackoff");
  }

  @Test
  void takesAnotherRetryDeadlineAndKeepsTheRest() {
    FeedSettings changed = FeedSettings.DEFAULT.withRetryDeadline(Duration.ofSeconds(3));

    assertThat(changed.retryDeadline()).isEqualTo(Duration.ofSeconds(3));
    assertThat(changed.heartbeatTimeout()).isEqualTo(FeedSettings.DEFAULT.heartbeatTimeout());
    assertThat(changed.bufferedEvents()).isEqualTo(FeedSettings.DEFAULT.bufferedEvents());
  }
}
