package io.messageboard.bootstrap.config;

import java.util.HashMap;
import java.util.Map;

/** Settings for tests that run the whole service: free ports, in-memory storage, no drain. */
public final class TestSettings {

  private TestSettings() {}

  public static Settings inMemory() {
    return inMemory(Map.of());
  }

  /** The same, with some settings added or replaced (keyed by environment variable). */
  public static Settings inMemory(Map<String, String> extra) {
    Map<String, String> environment =
        new HashMap<>(
            Map.of(
                Setting.HTTP_PORT.environmentVariable(), "0",
                Setting.MANAGEMENT_PORT.environmentVariable(), "0",
                Setting.REPLICA_ID.environmentVariable(), "test-replica",
                Setting.STORAGE.environmentVariable(), "memory",
                Setting.SHUTDOWN_DRAIN.environmentVariable(), "0s",
                Setting.SHUTDOWN_TIMEOUT.environmentVariable(), "5s"));
    environment.putAll(extra);
    return Settings.from(environment, Map.of());
  }
}
