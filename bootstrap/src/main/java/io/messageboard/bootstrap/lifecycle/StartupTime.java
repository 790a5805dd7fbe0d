package io.messageboard.bootstrap.lifecycle;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/** Time since the JVM started, for the "ready in" log line. */
public final class StartupTime {

  private StartupTime() {}

  public static Duration sinceProcessStart() {
    return Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
  }
}
