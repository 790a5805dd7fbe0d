package io.messageboard.bootstrap.storage;

import io.messageboard.domain.port.out.IdempotencyKeyRepository;
import io.messageboard.domain.port.out.MessageEventLog;
import io.messageboard.domain.port.out.MessageRepository;
import java.time.Duration;

/**
 * The message store the service runs on, with what the composition root needs to probe and close
 * it.
 */
public interface Storage extends AutoCloseable {

  MessageRepository repository();

  /** Idempotency keys of posts, kept in the same store as the messages. */
  IdempotencyKeyRepository idempotencyKeys();

  /** The change feed's log of the repository's changes, kept in the same store. */
  MessageEventLog events();

  /**
   * One line for the startup log, e.g. "in-memory" or "MariaDB at jdbc:mariadb://db:3306/messages";
   * no secrets.
   */
  String description();

  /**
   * Returns once the store can serve requests; throws what kept it from becoming ready. The
   * embedded MariaDB's schema migrates in the background while the rest of the service is built
   * ({@link StorageFactory#begin}); on an external MariaDB this waits, for as long as it takes,
   * until the release step has migrated the schema (or {@link #close()} gives up the wait); other
   * stores are ready when opened.
   */
  void awaitReady();

  /** Whether the schema is this release's, so that {@link #awaitReady()} returns at once. */
  boolean schemaReady();

  /** Whether the store answers a cheap check within {@code timeout}; backs readiness. */
  boolean isReachable(Duration timeout);

  /** Releases connections and stops any database this storage started. */
  @Override
  void close();
}
