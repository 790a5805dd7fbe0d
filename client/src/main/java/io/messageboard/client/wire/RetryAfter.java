package io.messageboard.client.wire;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The {@code Retry-After} header (RFC 9110 §10.2.3): delay seconds or an HTTP date. */
public final class RetryAfter {

  /** Longer than any wait the service asks for; a larger value is read as this. */
  static final Duration LONGEST = Duration.ofMinutes(10);

  private RetryAfter() {}

  /** How long to wait, from {@code now}; empty when the value is absent or unreadable. */
  public static Optional<Duration> parse(Optional<String> header, Instant now) {
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String value = header.get().strip();
    if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.of(
          value.length() > 6 ? LONGEST : shorter(Duration.ofSeconds(Long.parseLong(value))));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : shorter(wait));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Duration shorter(Duration wait) {
    return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
  }
}
