package io.messageboard.bootstrap.storage;

import io.messageboard.adapter.persistence.embedded.EmbeddedMariaDb;
import io.messageboard.bootstrap.config.InvalidSettingException;
import io.messageboard.bootstrap.config.Setting;
import io.messageboard.bootstrap.config.Settings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/** Opens the storage the settings ask for. */
public final class StorageFactory {

  private StorageFactory() {}

  /**
   * Opens storage: in memory, the MariaDB at {@code MESSAGEBOARD_DB_URL}, or else an embedded
   * MariaDB whose data lives in the data directory; {@code registry} receives connection-pool
   * metrics where there is a pool. The embedded MariaDB's schema is migrated here, in the
   * background; an external one's is the release step's ({@code messageboard migrate}), and this
   * storage only waits for it. It returns meanwhile, so that the caller can build the rest of the
   * service; call {@link Storage#awaitReady()} before serving.
   */
  public static Storage begin(Settings settings, MeterRegistry registry) {
    return begin(settings, registry, Clock.systemUTC());
  }

  /**
   * As {@link #begin(Settings, MeterRegistry)}; storage in memory keeps time by {@code clock} (the
   * application's), a database by its own.
   */
  public static Storage begin(Settings settings, MeterRegistry registry, Clock clock) {
    return switch (settings.storage()) {
      case MEMORY -> new InMemoryStorage(clock);
      case MARIADB ->
          settings
              .dbUrl()
              .<Storage>map(
                  url ->
                      MariaDbStorage.awaitingSchema(
                          DatabaseConnection.external(url, settings),
                          registry,
                          "MariaDB at " + withoutParameters(url)))
              .orElseGet(() -> openEmbedded(settings, registry));
    };
  }

  private static Storage openEmbedded(Settings settings, MeterRegistry registry) {
    if (!EmbeddedMariaDb.binariesAvailable()) {
      throw new InvalidSettingException(
          "%s is not set and this jar has no embedded MariaDB: set it to jdbc:mariadb://host:port/database"
              .formatted(Setting.DB_URL.environmentVariable()));
    }
    return EmbeddedMariaDbStorage.open(settings, registry);
  }

  // URL parameters may carry credentials; the description goes to logs.
  static String withoutParameters(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }
}
