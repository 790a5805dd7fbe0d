package io.messageboard.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.messageboard.adapter.http.auth.BearerTokens;
import io.messageboard.adapter.http.auth.WriteAuthorization;
import io.messageboard.adapter.http.docs.ApiDocsRoutes;
import io.messageboard.adapter.http.headers.StandardHeaders;
import io.messageboard.adapter.http.legacy.LegacyRoutes;
import io.messageboard.adapter.http.problem.FailureResponder;
import io.messageboard.adapter.http.problem.ServerErrorResponder;
import io.messageboard.adapter.http.request.JsonBody;
import io.messageboard.adapter.http.request.PathEscapes;
import io.messageboard.adapter.http.request.RequestIds;
import io.messageboard.adapter.http.v1.MessageEventsRoute;
import io.messageboard.adapter.http.v1.MessagesV1Routes;
import io.messageboard.domain.model.ReplicaId;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/** The public HTTP API (v1, the legacy API and the API docs) as a Javalin application. */
public final class HttpApi {

  private static final String REQUEST_ID_ATTRIBUTE = "messageboard.requestId";

  private HttpApi() {}

  /**
   * Builds the API; writes need one of {@code writeTokens} when it holds any. {@code
   * serverSettings} lets the caller tune the server (threads, graceful stop) without touching
   * routes.
   */
  public static Javalin create(
      MessagesV1Routes v1,
      MessageEventsRoute events,
      LegacyRoutes legacy,
      ReplicaId replica,
      BearerTokens writeTokens,
      RequestObserver observer,
      Consumer<JavalinConfig> serverSettings) {
    Objects.requireNonNull(v1, "v1");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(legacy, "legacy");
    Objects.requireNonNull(replica, "replica");
    Objects.requireNonNull(writeTokens, "writeTokens");
    Objects.requireNonNull(observer, "observer");
    ObjectMapper json = JsonMapper.builder().build();
    FailureResponder failures = new FailureResponder(json, LegacyRoutes::owns);
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.jsonMapper(new JavalinJackson(json, false));
          config.http.prefer405over404 = true;
          config.http.generateEtags = false;
          config.http.maxRequestSize = JsonBody.MAX_BYTES;
          config.routes.before(ctx -> identify(ctx, replica));
          config.routes.beforeMatched(new WriteAuthorization(writeTokens));
          // Before v1's routes: /api/v1/messages/{id} would take /api/v1/messages/events.
          events.register(config.routes);
          v1.register(config.routes);
          legacy.register(config.routes);
          new ApiDocsRoutes().register(config.routes);
          config.routes.exception(
              Exception.class, (e, ctx) -> failures.respond(e, ctx, requestId(ctx)));
          config.routes.error(404, ctx -> failures.respondToStatus(ctx, requestId(ctx)));
          config.routes.error(405, ctx -> failures.respondToStatus(ctx, requestId(ctx)));
          ServerErrorResponder serverErrors = new ServerErrorResponder(json, replica);
          config.jetty.modifyServer(server -> server.setErrorHandler(serverErrors));
          config.jetty.modifyServletContextHandler(
              context -> context.setErrorHandler(serverErrors));
          // Javalin 7 already sends no Server header; set here so a new default cannot bring it.
          config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
          config.requestLogger.http((ctx, millis) -> observer.completed(completed(ctx, millis)));
          serverSettings.accept(config);
        });
  }

  private static void identify(Context ctx, ReplicaId replica) {
    String requestId = RequestIds.acceptOrGenerate(ctx.header(RequestIds.HEADER));
    ctx.attribute(REQUEST_ID_ATTRIBUTE, requestId);
    ctx.header(RequestIds.HEADER, requestId);
    ctx.header(RequestIds.SERVED_BY, replica.value());
    PathEscapes.requireWellFormed(ctx.req().getRequestURI());
    StandardHeaders.apply(ctx);
  }

  private static String requestId(Context ctx) {
    String id = ctx.attribute(REQUEST_ID_ATTRIBUTE);
    return id != null ? id : RequestIds.acceptOrGenerate(null);
  }

  private static CompletedRequest completed(Context ctx, float millis) {
    return new CompletedRequest(
        requestId(ctx),
        ctx.method().name(),
        routeTemplate(ctx),
        ctx.statusCode(),
        Duration.ofNanos((long) (millis * 1_000_000)));
  }

  private static String routeTemplate(Context ctx) {
    try {
      Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
      return endpoint == null ? CompletedRequest.UNMATCHED_ROUTE : endpoint.path;
    } catch (RuntimeException noEndpoint) {
      return CompletedRequest.UNMATCHED_ROUTE;
    }
  }
}
