package io.messageboard.bootstrap.storage;

import io.messageboard.bootstrap.config.Settings;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Storage opened as the service opens it, and ready to serve once {@link #open} returns; an
 * external database is first migrated by the release step, as deployments do.
 */
final class ReadyStorage {

  private ReadyStorage() {}

  /** {@link StorageFactory#begin}, then {@link Storage#awaitReady()}; closed again if it fails. */
  static Storage open(Settings settings, MeterRegistry registry) {
    if (settings.dbUrl().isPresent()) {
      ReleaseMigration.run(settings);
    }
    Storage storage = StorageFactory.begin(settings, registry);
    try {
      storage.awaitReady();
      return storage;
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
  }
}
