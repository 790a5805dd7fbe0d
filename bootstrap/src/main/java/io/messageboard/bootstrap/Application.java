package io.messageboard.bootstrap;

import io.javalin.Javalin;
import io.messageboard.adapter.http.HttpApi;
import io.messageboard.adapter.http.MessageUseCases;
import io.messageboard.application.MessageBoard;
import io.messageboard.application.NoMessageMetrics;
import io.messageboard.bootstrap.config.Settings;
import io.messageboard.bootstrap.storage.Storage;
import io.messageboard.bootstrap.storage.StorageFactory;
import io.messageboard.domain.port.out.MessageMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Composition root: builds every component with plain constructors, starts and stops them in order. */
public final class Application {

  private static final Logger log = LoggerFactory.getLogger(Application.class);

  private final Settings settings;
  private final Clock clock;
  private MeterRegistry registry;
  private Storage storage;
  private Javalin api;

  public Application(Settings settings) {
    this(settings, Clock.systemUTC());
  }

  public Application(Settings settings, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Starts storage and the API; returns once both serve. */
  public synchronized Application start() {
    registry = meterRegistry();
    storage = StorageFactory.open(settings, registry);
    api = httpApi(MessageBoard.over(storage.repository(), messageMetrics(), settings.replica(), clock));
    api.start(settings.httpPort());
    log.info(
        "Messageboard replica {} serving http://localhost:{}/ with storage {}",
        settings.replica(), api.port(), storage.description());
    return this;
  }

  /** Stops the API, then storage. Safe to call more than once. */
  public synchronized void stop() {
    if (api != null) {
      api.stop();
      api = null;
    }
    if (storage != null) {
      storage.close();
      storage = null;
    }
  }

  /** Port the API listens on (the real one when configured as 0). */
  public int httpPort() {
    return api.port();
  }

  public Settings settings() {
    return settings;
  }

  private MeterRegistry meterRegistry() {
    return new SimpleMeterRegistry();
  }

  private MessageMetrics messageMetrics() {
    return new NoMessageMetrics();
  }

  private Javalin httpApi(MessageBoard board) {
    MessageUseCases useCases =
        new MessageUseCases(board.post(), board.get(), board.list(), board.export(), board.edit(), board.delete());
    return HttpApi.create(useCases, settings.replica(), messageMetrics(), request -> {}, config -> {});
  }
}
