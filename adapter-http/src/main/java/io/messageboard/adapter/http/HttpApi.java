package io.messageboard.adapter.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.messageboard.domain.model.ReplicaId;
import io.messageboard.domain.port.out.MessageMetrics;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/** The public HTTP API (v1 and the seed-compatible API) as a Javalin application. */
public final class HttpApi {

  private HttpApi() {}

  /**
   * Builds the API; {@code serverSettings} lets the caller tune the server (threads, graceful stop) without
   * touching routes.
   */
  public static Javalin create(
      MessageUseCases useCases,
      ReplicaId replica,
      MessageMetrics metrics,
      RequestObserver observer,
      Consumer<JavalinConfig> serverSettings) {
    Objects.requireNonNull(useCases, "useCases");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(observer, "observer");
    return Javalin.create(
        config -> {
          config.routes.get("/", ctx -> ctx.json(Map.of("Message", "Hello from " + replica.value() + ".")));
          serverSettings.accept(config);
        });
  }
}
