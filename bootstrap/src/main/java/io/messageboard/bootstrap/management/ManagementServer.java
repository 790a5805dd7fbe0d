package io.messageboard.bootstrap.management;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import io.messageboard.adapter.http.headers.StandardHeaders;
import io.messageboard.adapter.metrics.PrometheusMetrics;
import java.util.Objects;

/**
 * The operators' listener, separate from the API: {@code /metrics}, {@code /health/live}, {@code
 * /health/ready}.
 */
public final class ManagementServer {

  private static final String JSON = "application/json";

  private final Javalin server;

  private ManagementServer(Javalin server) {
    this.server = server;
  }

  /** Starts listening on {@code host}:{@code port} (port 0 picks a free one). */
  public static ManagementServer start(
      String host, int port, PrometheusMetrics metrics, ReadinessCheck readiness) {
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(readiness, "readiness");
    Javalin server =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
              // Health and metrics are live readings: never kept by anything in between.
              config.routes.before(
                  ctx ->
                      ctx.header(Header.X_CONTENT_TYPE_OPTIONS, StandardHeaders.NOSNIFF)
                          .header(Header.CACHE_CONTROL, StandardHeaders.NO_STORE));
              config.routes.get(
                  "/metrics",
                  ctx -> ctx.contentType(PrometheusMetrics.CONTENT_TYPE).result(metrics.scrape()));
              config.routes.get(
                  "/health/live", ctx -> ctx.contentType(JSON).result("{\"status\":\"UP\"}"));
              config.routes.get("/health/ready", ctx -> ready(ctx, readiness));
            });
    server.start(host, port);
    return new ManagementServer(server);
  }

  private static void ready(Context ctx, ReadinessCheck readiness) {
    ctx.contentType(JSON);
    readiness
        .failedCheck()
        .ifPresentOrElse(
            failed ->
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .result("{\"status\":\"DOWN\",\"failedCheck\":\"" + failed + "\"}"),
            () -> ctx.result("{\"status\":\"UP\"}"));
  }

  public int port() {
    return server.port();
  }

  public void stop() {
    server.stop();
  }
}
