package io.messageboard.bootstrap;

import io.javalin.Javalin;
import io.messageboard.adapter.http.HttpApi;
import io.messageboard.adapter.http.RequestObserver;
import io.messageboard.adapter.http.legacy.LegacyRoutes;
import io.messageboard.adapter.http.v1.MessageEventsRoute;
import io.messageboard.adapter.http.v1.MessagesV1Routes;
import io.messageboard.adapter.metrics.HttpServerRequests;
import io.messageboard.adapter.metrics.MicrometerFeedMetrics;
import io.messageboard.adapter.metrics.MicrometerMessageMetrics;
import io.messageboard.adapter.metrics.PrometheusMetrics;
import io.messageboard.application.MessageBoard;
import io.messageboard.application.feed.FeedSettings;
import io.messageboard.application.feed.WatchMessagesService;
import io.messageboard.bootstrap.config.Settings;
import io.messageboard.bootstrap.feed.FeedSchedule;
import io.messageboard.bootstrap.idempotency.KeyPurgeSchedule;
import io.messageboard.bootstrap.lifecycle.DrainState;
import io.messageboard.bootstrap.lifecycle.GracefulShutdown;
import io.messageboard.bootstrap.lifecycle.GracefulStop;
import io.messageboard.bootstrap.lifecycle.StartupTime;
import io.messageboard.bootstrap.management.ManagementServer;
import io.messageboard.bootstrap.management.ReadinessCheck;
import io.messageboard.bootstrap.observability.AccessLog;
import io.messageboard.bootstrap.observability.RequestMetrics;
import io.messageboard.bootstrap.server.JettyCacheLines;
import io.messageboard.bootstrap.server.ServerLimits;
import io.messageboard.bootstrap.storage.Storage;
import io.messageboard.bootstrap.storage.StorageFactory;
import io.messageboard.domain.port.out.MessageMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.logging.LogbackMetrics;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition root: builds every component with plain constructors, starts and stops them in order.
 */
public final class Application {

  private static final Logger log = LoggerFactory.getLogger(Application.class);

  private final Settings settings;
  private final Clock clock;
  private final DrainState drainState = new DrainState();
  // Null before start() and after stop().
  private @Nullable PrometheusMetrics metrics;
  // Counts log events by level (logback_events_total); detaches its filter from Logback when
  // closed.
  private @Nullable LogbackMetrics logEvents;
  private @Nullable Storage storage;
  private @Nullable Javalin api;
  private @Nullable JettyServerThreadPoolMetrics apiThreadMetrics;
  private @Nullable ManagementServer management;
  private @Nullable KeyPurgeSchedule keyPurge;
  private @Nullable WatchMessagesService feed;
  private @Nullable FeedSchedule feedSchedule;
  private @Nullable MessageBoard board;

  public Application(Settings settings) {
    this(settings, Clock.systemUTC());
  }

  public Application(Settings settings, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Starts storage, the management server and the API; returns once all serve. On an external
   * database whose schema is not yet this release's, the management server reports not-ready
   * (failed check {@code schema}) and this waits, without a limit, until the release step has
   * migrated it; {@link #stop()} ends the wait, and then this returns without serving.
   */
  public Application start() {
    Storage opened = startManagement();
    try {
      opened.awaitReady();
    } catch (CancellationException e) {
      // stop() gave up the wait: a shutdown, not a failure to start.
      return this;
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
    return serve();
  }

  private synchronized Storage startManagement() {
    try {
      JettyCacheLines.describe();
      metrics = meterRegistry();
      logEvents = new LogbackMetrics();
      logEvents.bindTo(metrics.registry());
      storage = StorageFactory.begin(settings, metrics.registry(), clock);
      MessageMetrics messageMetrics = new MicrometerMessageMetrics(metrics.registry());
      board =
          MessageBoard.over(
              storage.repository(),
              storage.idempotencyKeys(),
              settings.idempotencyKeyTtl(),
              messageMetrics,
              settings.replica(),
              clock);
      feed =
          new WatchMessagesService(
              storage.events(),
              new FeedSettings(
                  settings.feedMaxStreams(),
                  settings.feedBufferedEvents(),
                  settings.feedRetention()),
              new MicrometerFeedMetrics(metrics.registry()),
              clock);
      api = httpApi(board, feed, metrics.registry());
      management =
          ManagementServer.start(
              settings.bindAddress(),
              settings.managementPort(),
              metrics,
              new ReadinessCheck(storage, drainState));
      return storage;
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  private synchronized Application serve() {
    Javalin api = running(this.api);
    Storage storage = running(this.storage);
    ManagementServer management = running(this.management);
    PrometheusMetrics metrics = running(this.metrics);
    try {
      api.start(settings.bindAddress(), settings.httpPort());
      apiThreadMetrics =
          new JettyServerThreadPoolMetrics(api.jettyServer().threadPool(), Tags.empty());
      apiThreadMetrics.bindTo(metrics.registry());
      keyPurge = KeyPurgeSchedule.start(running(board).purgeIdempotencyKeys());
      feedSchedule = FeedSchedule.start(running(feed), settings.feedPollInterval());
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
    String ready =
        "Messageboard replica {} ready in {} ms: API http://localhost:{}/ management http://localhost:{}/ storage {} writes {}";
    Object[] values = {
      settings.replica(),
      StartupTime.sinceProcessStart().toMillis(),
      api.port(),
      management.port(),
      storage.description(),
      writeAccess()
    };
    if (settings.apiTokens().required()) {
      log.info(ready, values);
    } else {
      log.warn(ready, values);
    }
    return this;
  }

  // Names how many tokens there are, never a token.
  private String writeAccess() {
    int tokens = settings.apiTokens().count();
    return tokens > 0
        ? "need a bearer token (" + tokens + " accepted)"
        : "OPEN TO ANYONE who reaches "
            + settings.bindAddress()
            + ": no MESSAGEBOARD_API_TOKENS set, so POST, PUT and DELETE need no token";
  }

  /** The SIGTERM sequence: readiness 503, serve for the drain period, then {@link #stop()}. */
  public GracefulShutdown gracefulShutdown() {
    return new GracefulShutdown(drainState, settings.shutdownDrain(), this::stop);
  }

  /**
   * Stops the API (no new connections, in-flight requests finish within the shutdown timeout), then
   * the management server, storage and metrics. Safe to call more than once.
   */
  public synchronized void stop() {
    drainState.startDraining();
    // The streams end first, so that their clients resume on another replica and the API's
    // graceful stop is not kept waiting by requests that never end.
    if (feed != null) {
      feed.close();
      feed = null;
    }
    if (feedSchedule != null) {
      feedSchedule.close();
      feedSchedule = null;
    }
    if (api != null) {
      GracefulStop.stop(api);
      api = null;
    }
    if (apiThreadMetrics != null) {
      closeQuietly(apiThreadMetrics);
      apiThreadMetrics = null;
    }
    if (keyPurge != null) {
      keyPurge.close();
      keyPurge = null;
    }
    if (management != null) {
      management.stop();
      management = null;
    }
    if (storage != null) {
      storage.close();
      storage = null;
    }
    board = null;
    if (logEvents != null) {
      logEvents.close();
      logEvents = null;
    }
    if (metrics != null) {
      metrics.close();
      metrics = null;
    }
  }

  /** Port the API listens on (the real one when configured as 0); only while running. */
  public synchronized int httpPort() {
    return running(api).port();
  }

  /** Port of /metrics and /health/* (the real one when configured as 0); only while running. */
  public synchronized int managementPort() {
    return running(management).port();
  }

  public Settings settings() {
    return settings;
  }

  private PrometheusMetrics meterRegistry() {
    return PrometheusMetrics.create(settings.replica(), version());
  }

  private static <T> T running(@Nullable T component) {
    if (component == null) {
      throw new IllegalStateException("The application is not running");
    }
    return component;
  }

  private Javalin httpApi(MessageBoard board, WatchMessagesService feed, MeterRegistry registry) {
    return HttpApi.create(
        new MessagesV1Routes(board),
        new MessageEventsRoute(feed, settings.feedHeartbeat()),
        new LegacyRoutes(settings.replica(), board),
        settings.replica(),
        settings.apiTokens(),
        requestObserver(registry),
        GracefulStop.within(settings.shutdownTimeout(), drainState)
            .andThen(
                new ServerLimits(
                        settings.httpIdleTimeout(),
                        settings.httpMaxConnections(),
                        settings.httpMinBodyRate())
                    .asServerSettings()));
  }

  private RequestObserver requestObserver(MeterRegistry registry) {
    RequestObserver requestMetrics = new RequestMetrics(new HttpServerRequests(registry));
    RequestObserver accessLog = new AccessLog(settings.replica());
    return request -> {
      requestMetrics.completed(request);
      accessLog.completed(request);
    };
  }

  private static String version() {
    String version = Application.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      log.warn("Could not close {}: {}", closeable, e.toString());
    }
  }
}
