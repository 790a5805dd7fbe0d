package io.messageboard.bootstrap.storage;

import java.util.concurrent.CompletableFuture;

/**
 * What a MariaDB storage does about its schema before serving: migrate it, or wait until the
 * release step has.
 */
interface SchemaStep extends AutoCloseable {

  /** Completes once the schema is this release's; completes exceptionally when it cannot be. */
  CompletableFuture<Void> ready();

  /** Ends the step: waits for a running migration, gives up a wait. */
  @Override
  void close();
}
