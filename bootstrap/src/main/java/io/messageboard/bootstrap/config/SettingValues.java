package io.messageboard.bootstrap.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Typed, validated reads of raw setting values. */
final class SettingValues {

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  private final SettingSource source;

  SettingValues(SettingSource source) {
    this.source = source;
  }

  static Map<String, String> systemProperties() {
    Map<String, String> properties = new HashMap<>();
    System.getProperties()
        .forEach((key, value) -> properties.put(key.toString(), value.toString()));
    return properties;
  }

  /** The value as given (or read from its file), not stripped; empty when not set at all. */
  Optional<String> raw(Setting setting) {
    return source.raw(setting);
  }

  Optional<String> optionalText(Setting setting) {
    return source.raw(setting).map(String::strip).filter(value -> !value.isEmpty());
  }

  String text(Setting setting, String fallback) {
    return source.raw(setting).orElse(fallback);
  }

  /**
   * The value, or the default {@link Setting} documents; for settings whose documented default is a
   * literal.
   */
  String text(Setting setting) {
    return text(setting, literalDefault(setting));
  }

  int port(Setting setting) {
    int port = integer(setting, Integer.parseInt(literalDefault(setting)), "a port number 0-65535");
    if (port < 0 || port > 65_535) {
      throw new InvalidSettingException(setting, Integer.toString(port), "a port number 0-65535");
    }
    return port;
  }

  /** The value, or the literal default {@link Setting} documents. */
  int positiveInt(Setting setting) {
    return positiveInt(setting, Integer.parseInt(literalDefault(setting)));
  }

  int positiveInt(Setting setting, int fallback) {
    int value = integer(setting, fallback, "a whole number of at least 1");
    if (value < 1) {
      throw new InvalidSettingException(
          setting, Integer.toString(value), "a whole number of at least 1");
    }
    return value;
  }

  int nonNegativeInt(Setting setting) {
    int value =
        integer(setting, Integer.parseInt(literalDefault(setting)), "a whole number of at least 0");
    if (value < 0) {
      throw new InvalidSettingException(
          setting, Integer.toString(value), "a whole number of at least 0");
    }
    return value;
  }

  private int integer(Setting setting, int fallback, String expected) {
    Optional<String> raw = optionalText(setting);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw.get());
    } catch (NumberFormatException e) {
      throw new InvalidSettingException(setting, raw.get(), expected);
    }
  }

  Duration duration(Setting setting) {
    String raw = optionalText(setting).orElseGet(() -> literalDefault(setting));
    Matcher shortForm = SHORT_DURATION.matcher(raw);
    if (shortForm.matches()) {
      long amount = Long.parseLong(shortForm.group(1));
      return switch (shortForm.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    }
    try {
      Duration parsed = Duration.parse(raw);
      if (!parsed.isNegative()) {
        return parsed;
      }
    } catch (DateTimeParseException e) {
      // falls through to the one-line refusal below
    }
    throw new InvalidSettingException(setting, raw, "a duration such as 500ms, 5s, 2m or PT5S");
  }

  boolean flag(Setting setting) {
    String raw = optionalText(setting).orElseGet(() -> literalDefault(setting));
    return switch (raw.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidSettingException(setting, raw, "true or false");
    };
  }

  <E extends Enum<E>> E choice(Setting setting, Class<E> type) {
    String raw = optionalText(setting).orElseGet(() -> literalDefault(setting));
    try {
      return Enum.valueOf(type, raw.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      String allowed =
          Arrays.stream(type.getEnumConstants())
              .map(constant -> constant.name().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(" or "));
      throw new InvalidSettingException(setting, raw, allowed);
    }
  }

  // The defaults live once, in Setting, where --help shows them; "<…>" marks a default computed at
  // start.
  private static String literalDefault(Setting setting) {
    if (setting.defaultValue().startsWith("<")) {
      throw new IllegalStateException(setting + " has no literal default; pass the computed one");
    }
    return setting.defaultValue();
  }
}
