package io.messageboard.bootstrap.storage;

import io.messageboard.bootstrap.config.InvalidSettingException;
import io.messageboard.bootstrap.config.Settings;

/** Opens the storage the settings ask for. */
public final class StorageFactory {

  private StorageFactory() {}

  public static Storage open(Settings settings) {
    return switch (settings.storage()) {
      case MEMORY -> new InMemoryStorage();
      case MARIADB -> throw new InvalidSettingException(
          "MESSAGEBOARD_STORAGE=mariadb is not available in this build yet; use MESSAGEBOARD_STORAGE=memory");
    };
  }
}
