package io.messageboard.bootstrap.observability;

import io.messageboard.bootstrap.config.Settings.LogFormat;
import java.util.Locale;

/**
 * Chooses the log line format before the logging backend starts: {@code logback.xml} includes
 * {@code logging/<format>.xml} named by the {@value #FORMAT_PROPERTY} system property.
 */
public final class LogOutput {

  /** System property {@code logback.xml} reads: {@code text} or {@code json}. */
  public static final String FORMAT_PROPERTY = "messageboard.logback.format";

  private LogOutput() {}

  /** Must run before the first logger is created, or the default (text) stays in effect. */
  public static void select(LogFormat format) {
    System.setProperty(FORMAT_PROPERTY, format.name().toLowerCase(Locale.ROOT));
  }
}
