package io.messageboard.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedBoundsTest {

  @Test
  void resumesAfterAnyPositionFromJustBeforeTheFirstKeptToTheLast() {
    FeedBounds bounds = new FeedBounds(5, 9);

    assertThat(bounds.canResumeAfter(3)).isFalse();
    assertThat(bounds.canResumeAfter(4)).isTrue();
    assertThat(bounds.canResumeAfter(9)).isTrue();
    assertThat(bounds.canResumeAfter(10)).isFalse();
  }

  @Test
  void anEmptyLogResumesOnlyAfterItsLastPosition() {
    FeedBounds purgedAll = new FeedBounds(8, 7);

    assertThat(purgedAll.canResumeAfter(6)).isFalse();
    assertThat(purgedAll.canResumeAfter(7)).isTrue();
    assertThat(purgedAll.canResumeAfter(8)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"1, -1", "0, 0", "3, 1"})
  void refusesBoundsNoLogHas(long firstKept, long last) {
    assertThatThrownBy(() -> new FeedBounds(firstKept, last))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void acceptsTheBoundsOfAnEmptyNewLog() {
    assertThat(new FeedBounds(1, 0).canResumeAfter(0)).isTrue();
  }
}
