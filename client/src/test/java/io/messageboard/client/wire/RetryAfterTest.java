package io.messageboard.client.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Retry-After as seconds or as a date, and what is not one. */
class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  @Test
  void secondsAreAWaitOfThatLong() {
    assertThat(RetryAfter.parse(Optional.of("5"), NOW)).contains(Duration.ofSeconds(5));
    assertThat(RetryAfter.parse(Optional.of(" 0 "), NOW)).contains(Duration.ZERO);
  }

  @Test
  void aDateIsAWaitUntilThen() {
    assertThat(RetryAfter.parse(Optional.of("Mon, 07 Dec 2026 10:00:30 GMT"), NOW))
        .contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse(Optional.of("Mon, 07 Dec 2026 09:00:00 GMT"), NOW))
        .contains(Duration.ZERO);
  }

  @Test
  void anAbsurdWaitIsCutToTheLongest() {
    assertThat(RetryAfter.parse(Optional.of("99999999999"), NOW)).contains(RetryAfter.LONGEST);
    assertThat(RetryAfter.parse(Optional.of("3600"), NOW)).contains(RetryAfter.LONGEST);
    assertThat(RetryAfter.parse(Optional.of("600"), NOW)).contains(Duration.ofMinutes(10));
  }

  @Test
  void anythingElseIsNoWait() {
    assertThat(RetryAfter.parse(Optional.empty(), NOW)).isEmpty();
    assertThat(RetryAfter.parse(Optional.of("-1"), NOW)).isEmpty();
    assertThat(RetryAfter.parse(Optional.of("soon"), NOW)).isEmpty();
    assertThat(RetryAfter.parse(Optional.of(""), NOW)).isEmpty();
  }
}
