package io.messageboard.bootstrap.storage;

import io.messageboard.bootstrap.config.InvalidSettingException;
import io.messageboard.bootstrap.config.Settings;
import io.micrometer.core.instrument.MeterRegistry;

/** Opens the storage the settings ask for. */
public final class StorageFactory {

  private StorageFactory() {}

  /** Opens storage; {@code registry} receives connection-pool metrics where there is a pool. */
  public static Storage open(Settings settings, MeterRegistry registry) {
    return switch (settings.storage()) {
      case MEMORY -> new InMemoryStorage();
      case MARIADB -> throw new InvalidSettingException(
          "MESSAGEBOARD_STORAGE=mariadb is not available in this build yet; use MESSAGEBOARD_STORAGE=memory");
    };
  }
}
