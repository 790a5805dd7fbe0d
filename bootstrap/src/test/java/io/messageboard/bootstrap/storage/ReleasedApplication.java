package io.messageboard.bootstrap.storage;

import io.messageboard.bootstrap.Application;
import io.messageboard.bootstrap.config.Settings;

/**
 * The service on an external database as every deployment runs it: the release step migrates the
 * schema, then the replica starts.
 */
final class ReleasedApplication {

  private ReleasedApplication() {}

  /** {@code messageboard migrate}, then {@code messageboard serve}, with the same settings. */
  static Application start(Settings settings) {
    ReleaseMigration.run(settings);
    return new Application(settings).start();
  }
}
