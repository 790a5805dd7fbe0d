package io.messageboard.adapter.http.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.messageboard.adapter.http.headers.StandardHeaders;
import java.io.UncheckedIOException;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns any exception a handler raised into a response: legacy-shaped on the legacy API,
 * problem+json elsewhere.
 */
public final class FailureResponder {

  private static final Logger log = LoggerFactory.getLogger(FailureResponder.class);

  private static final String RENDERED = "messageboard.failureRendered";

  private final ObjectMapper json;
  private final Predicate<String> legacyPaths;

  /** {@code legacyPaths} tells the paths whose failures are answered in the legacy API's shape. */
  public FailureResponder(ObjectMapper json, Predicate<String> legacyPaths) {
    this.json = json;
    this.legacyPaths = legacyPaths;
  }

  public void respond(Exception exception, Context ctx, String requestId) {
    render(FailureMapping.describe(exception), exception, ctx, requestId);
  }

  /**
   * Answers a status Javalin set itself (no route for the path, or not for the method) in the same
   * shape as every other failure, unless a failure was already rendered for this request.
   */
  public void respondToStatus(Context ctx, String requestId) {
    if (ctx.attribute(RENDERED) == null) {
      render(FailureMapping.routingFailure(ctx.statusCode()), null, ctx, requestId);
    }
  }

  private void render(
      Failure failure, @Nullable Exception exception, Context ctx, String requestId) {
    ctx.attribute(RENDERED, true);
    if (failure.status() >= 500 && failure.kind() == null) {
      log.error("Request {} {} {} failed", requestId, ctx.method(), ctx.path(), exception);
    }
    if (ctx.res().isCommitted()) {
      log.warn(
          "Request {} failed after its response started ({}); the response is cut short",
          requestId,
          describe(exception));
      return;
    }
    ctx.res().resetBuffer();
    ctx.header(Header.CACHE_CONTROL, StandardHeaders.NO_STORE);
    failure
        .retryAfterSeconds()
        .ifPresent(seconds -> ctx.header("Retry-After", Integer.toString(seconds)));
    if (legacyPaths.test(ctx.path())) {
      LegacyFailure answer = FailureMapping.legacy(ctx.method().name(), failure);
      ctx.status(answer.status()).json(answer.body());
    } else {
      ctx.status(failure.status())
          .contentType(ProblemDetails.MEDIA_TYPE)
          .result(write(ProblemDetails.of(failure, ctx.path(), requestId)));
    }
  }

  // Bytes, not a String: Javalin would encode a String as ISO-8859-1 for this content type, so a
  // detail echoing non-ASCII input (a header value, say) would not be UTF-8 JSON.
  private byte[] write(ProblemDetails problem) {
    try {
      return json.writeValueAsBytes(problem);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(@Nullable Exception exception) {
    if (exception == null) {
      return "status set by the server";
    }
    return exception instanceof UncheckedIOException
        ? "client went away"
        : exception.getClass().getSimpleName();
  }
}
