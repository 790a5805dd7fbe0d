package io.messageboard.adapter.http.problem;

import io.javalin.http.HttpResponseException;
import io.messageboard.adapter.http.auth.UnauthorizedException;
import io.messageboard.adapter.http.request.FieldError;
import io.messageboard.adapter.http.request.RequestRejectedException;
import io.messageboard.domain.failure.DomainException;
import io.messageboard.domain.failure.FailureKind;
import io.messageboard.domain.failure.InvalidInputException;
import io.messageboard.domain.failure.VersionMismatchException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpException;
import org.jspecify.annotations.Nullable;

/**
 * The one place that chooses the HTTP status of every failure, and the legacy API's status and body
 * beside it.
 */
public final class FailureMapping {

  static final int RETRY_AFTER_SECONDS = 5;

  /** Contention passes within moments; a client retrying after a second likely wins. */
  static final int CONTENTION_RETRY_AFTER_SECONDS = 1;

  static final String OUTCOME_UNKNOWN_DETAIL =
      "The connection to the message store was lost while the change was being stored, so it may"
          + " or may not have been stored. Retry with the same Idempotency-Key, or read the message"
          + " before retrying.";

  static final String REPLICA_UNAVAILABLE_DETAIL =
      "This replica is stopping or overloaded and did not process the request; a retry, which"
          + " through nginx may reach another replica, should succeed.";

  /** The legacy API has no Idempotency-Key: reading first is the only safe retry there. */
  static final String LEGACY_OUTCOME_UNKNOWN =
      "The database connection was lost while saving; the change may or may not have been stored."
          + " Read the message before retrying.";

  private FailureMapping() {}

  public static Failure describe(Exception exception) {
    if (exception instanceof DomainException domain) {
      return domainFailure(domain);
    }
    if (exception instanceof RequestRejectedException rejected) {
      return rejection(rejected);
    }
    if (exception instanceof UnauthorizedException unauthorized) {
      return failure(401, "unauthorized", "Unauthorized", unauthorized.detail(), null);
    }
    if (exception instanceof HttpResponseException http) {
      return routingFailure(http.getStatus());
    }
    Optional<Integer> refusedByJetty = clientErrorFromJetty(exception);
    if (refusedByJetty.isPresent()) {
      return routingFailure(refusedByJetty.get());
    }
    return new Failure(
        500,
        "internal-error",
        "Internal error",
        "The request could not be completed; it has been logged under its request id.",
        List.of(),
        null,
        Optional.empty());
  }

  /**
   * A 4xx Jetty raised while the API was reading the request (a body arriving slower than the
   * server's minimum rate, say), found anywhere in the cause chain.
   */
  private static Optional<Integer> clientErrorFromJetty(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
        return Optional.of(http.getCode());
      }
    }
    return Optional.empty();
  }

  /**
   * Failures Javalin or Jetty raise themselves: unknown route, wrong method, body too large, a
   * request refused while the server stops.
   */
  public static Failure routingFailure(int status) {
    return switch (status) {
      case 404 -> failure(404, "not-found", "Not found", "No resource lives at this path.", null);
      case 405 ->
          failure(
              405,
              "method-not-allowed",
              "Method not allowed",
              "This path does not accept this method.",
              null);
      case 400 ->
          failure(
              400,
              "bad-request",
              "Bad request",
              "The request could not be parsed as HTTP.",
              FailureKind.INVALID);
      case 408 ->
          failure(
              408,
              "request-timeout",
              "Request timeout",
              "The request arrived too slowly.",
              FailureKind.INVALID);
      case 413 ->
          failure(
              413,
              "body-too-large",
              "Body too large",
              "The body is larger than allowed.",
              FailureKind.INVALID);
      case 414 ->
          failure(
              414,
              "uri-too-long",
              "URI too long",
              "The request line is longer than allowed.",
              FailureKind.INVALID);
      case 431 ->
          failure(
              431,
              "headers-too-large",
              "Headers too large",
              "The request headers are larger than allowed.",
              FailureKind.INVALID);
      // Jetty answers 503 itself to requests that arrive while it stops gracefully. Other replicas
      // still serve, so a prompt retry through nginx should succeed.
      case 503 ->
          retryable(
              503,
              "replica-unavailable",
              "Replica unavailable",
              REPLICA_UNAVAILABLE_DETAIL,
              null,
              CONTENTION_RETRY_AFTER_SECONDS);
      default ->
          failure(
              status, "http-" + status, "HTTP " + status, "The request could not be served.", null);
    };
  }

  // No default: a new FailureKind does not compile until it has a status here and a legacy body
  // in legacyBody.
  private static Failure domainFailure(DomainException exception) {
    FailureKind kind = exception.kind();
    String message = exception.getMessage();
    return switch (kind) {
      case NOT_FOUND -> failure(404, "message-not-found", "Message not found", message, kind);
      case DUPLICATE -> failure(409, "duplicate-id", "Duplicate message id", message, kind);
      case VERSION_MISMATCH ->
          failure(412, "version-mismatch", "Precondition failed", versionMismatch(exception), kind);
      // Not 412: the client named no version. Other edits kept winning; trying again is the fix.
      case EDIT_CONTENTION ->
          retryable(
              409,
              "edit-contention",
              "Edit contention",
              message,
              kind,
              CONTENTION_RETRY_AFTER_SECONDS);
      // The first request usually finishes within moments; its response is then replayed.
      case IDEMPOTENCY_KEY_IN_USE ->
          retryable(
              409,
              "idempotency-key-in-use",
              "Request with this key in progress",
              "A request with this Idempotency-Key is still being processed; retry later",
              kind,
              CONTENTION_RETRY_AFTER_SECONDS);
      case IDEMPOTENCY_KEY_REUSED ->
          failure(
              422,
              "idempotency-key-reused",
              "Idempotency key reused",
              "This Idempotency-Key was used for a request with another body; use a new key for a"
                  + " new request",
              kind);
      case IDS_EXHAUSTED -> failure(409, "ids-exhausted", "No id left", message, kind);
      case INVALID ->
          new Failure(
              400,
              "invalid-input",
              "Invalid input",
              message,
              fieldErrors(exception),
              kind,
              Optional.empty());
      case STORAGE_UNAVAILABLE ->
          retryable(
              503,
              "storage-unavailable",
              "Storage unavailable",
              "The message store cannot be reached right now; try again later.",
              kind,
              RETRY_AFTER_SECONDS);
      // 503, not 409: the conflict is inside the database (a certification failure or deadlock),
      // not with the state of the resource the client named. Nothing was stored.
      case STORAGE_CONFLICT ->
          retryable(
              503,
              "storage-conflict",
              "Storage conflict",
              "The change conflicted with a concurrent change in the message store and nothing was"
                  + " stored; try again.",
              kind,
              CONTENTION_RETRY_AFTER_SECONDS);
      // The replica's streams are all taken; another replica (through nginx) may have room.
      case FEED_BUSY ->
          retryable(
              503, "feed-busy", "Change feed busy", message, kind, CONTENTION_RETRY_AFTER_SECONDS);
      // Not storage-unavailable: that one promises nothing was stored, this one cannot.
      case OUTCOME_UNKNOWN ->
          retryable(
              503,
              "outcome-unknown",
              "Outcome unknown",
              OUTCOME_UNKNOWN_DETAIL,
              kind,
              RETRY_AFTER_SECONDS);
    };
  }

  private static String versionMismatch(DomainException exception) {
    return exception instanceof VersionMismatchException mismatch
        ? "Message "
            + mismatch.id()
            + " is not at the version If-Match names; read it again and retry with its current"
            + " ETag"
        : exception.getMessage();
  }

  private static List<FieldError> fieldErrors(DomainException exception) {
    return exception instanceof InvalidInputException invalid
        ? List.of(new FieldError(invalid.field(), invalid.reason()))
        : List.of();
  }

  /**
   * The legacy API's answer to {@code failure} of a request with {@code method}: the same status as
   * everywhere, except that a body breaking a rule is a plain 400 there, as the original system
   * documented it; and the original system's body.
   */
  public static LegacyFailure legacy(String method, Failure failure) {
    int status = failure.status() == 422 ? 400 : failure.status();
    FailureKind kind = failure.kind();
    return new LegacyFailure(
        status,
        kind == null
            ? Map.of("message", formatOrDetail(method, failure))
            : legacyBody(kind, method, failure));
  }

  private static Map<String, String> legacyBody(FailureKind kind, String method, Failure failure) {
    return switch (kind) {
      case STORAGE_UNAVAILABLE ->
          Map.of("message", "Cannot connect to the database. Try again later.");
      case OUTCOME_UNKNOWN -> Map.of("message", LEGACY_OUTCOME_UNKNOWN);
      case DUPLICATE -> Map.of("error", "Integrity error, duplicated ID");
      case NOT_FOUND ->
          switch (method) {
            case "PUT" -> Map.of("error", "No rows updated, ID not found");
            case "DELETE" -> Map.of("error", "No rows deleted, ID not found");
            default -> Map.of("message", "ID not found");
          };
      case INVALID,
          VERSION_MISMATCH,
          EDIT_CONTENTION,
          IDS_EXHAUSTED,
          STORAGE_CONFLICT,
          IDEMPOTENCY_KEY_IN_USE,
          IDEMPOTENCY_KEY_REUSED,
          FEED_BUSY ->
          Map.of("message", formatOrDetail(method, failure));
    };
  }

  /** The original system's text for a refused request (400 or 422 here), else the detail. */
  private static String formatOrDetail(String method, Failure failure) {
    if (failure.status() != 400 && failure.status() != 422) {
      return failure.detail();
    }
    boolean pathIdProblem = failure.errors().stream().anyMatch(error -> error.field().equals("id"));
    if (pathIdProblem) {
      return "Invalid ID. It must be a whole number between -2147483648 and 2147483647";
    }
    return switch (method) {
      case "POST" -> "Invalid format. Must include only 'clid' and 'mess'";
      case "PUT" -> "Invalid format. Must include only 'mess'";
      default -> failure.detail();
    };
  }

  private static Failure rejection(RequestRejectedException rejected) {
    return switch (rejected.reason()) {
      case MALFORMED -> rejected(400, "malformed-request", "Malformed request", rejected);
      case UNPROCESSABLE -> rejected(422, "invalid-message", "Invalid message", rejected);
      case TOO_LARGE -> rejected(413, "body-too-large", "Body too large", rejected);
      case UNSUPPORTED_MEDIA_TYPE ->
          rejected(415, "unsupported-media-type", "Unsupported media type", rejected);
      case NOT_ACCEPTABLE -> rejected(406, "not-acceptable", "Not acceptable", rejected);
    };
  }

  private static Failure rejected(
      int status, String slug, String title, RequestRejectedException rejected) {
    return new Failure(
        status,
        slug,
        title,
        rejected.getMessage(),
        rejected.errors(),
        FailureKind.INVALID,
        Optional.empty());
  }

  /** A failure the client may simply retry after {@code seconds} (sent as Retry-After). */
  private static Failure retryable(
      int status,
      String slug,
      String title,
      String detail,
      @Nullable FailureKind kind,
      int seconds) {
    return new Failure(status, slug, title, detail, List.of(), kind, Optional.of(seconds));
  }

  private static Failure failure(
      int status, String slug, String title, String detail, @Nullable FailureKind kind) {
    return new Failure(status, slug, title, detail, List.of(), kind, Optional.empty());
  }
}
