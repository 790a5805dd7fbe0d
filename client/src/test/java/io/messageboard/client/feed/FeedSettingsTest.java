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
}
