package io.messageboard.adapter.http.problem;

import io.javalin.http.HttpResponseException;
import io.messageboard.adapter.http.auth.UnauthorizedException;
import io.messageboard.adapter.http.request.FieldError;
import io.messageboard.adapter.http.request.RequestRejectedException;
import io.messageboard.domain.failure.DomainException;
import io.messageboard.domain.failure.DuplicateMessageIdException;
import io.messageboard.domain.failure.EditContentionException;
import io.messageboard.domain.failure.FailureKind;
import io.messageboard.domain.failure.IdempotencyKeyInUseException;
import io.messageboard.domain.failure.IdempotencyKeyReusedException;
import io.messageboard.domain.failure.IdsExhaustedException;
import io.messageboard.domain.failure.InvalidInputException;
import io.messageboard.domain.failure.MessageNotFoundException;
import io.messageboard.domain.failure.StorageUnavailableException;
import io.messageboard.domain.failure.VersionMismatchException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpException;
import org.jspecify.annotations.Nullable;

/** The one place that chooses the HTTP status of every failure. */
public final class FailureMapping {

  static final int RETRY_AFTER_SECONDS = 5;

  /** Contention passes within moments; a client retrying after a second likely wins. */
  static final int CONTENTION_RETRY_AFTER_SECONDS = 1;

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
   * The status the legacy API answers {@code failure} with: the same as everywhere, except that a
   * body breaking a rule is a plain 400 there, as the original system documented it.
   */
  public static int legacyStatus(Failure failure) {
    return failure.status() == 422 ? 400 : failure.status();
  }

  /** Failures Javalin raises itself: unknown route, wrong method, body too large. */
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
      default ->
          failure(
              status, "http-" + status, "HTTP " + status, "The request could not be served.", null);
    };
  }

  private static Failure domainFailure(DomainException exception) {
    if (exception instanceof MessageNotFoundException notFound) {
      return failure(
          404, "message-not-found", "Message not found", notFound.getMessage(), exception.kind());
    }
    if (exception instanceof DuplicateMessageIdException duplicate) {
      return failure(
          409, "duplicate-id", "Duplicate message id", duplicate.getMessage(), exception.kind());
    }
    if (exception instanceof VersionMismatchException mismatch) {
      return failure(
          412,
          "version-mismatch",
          "Precondition failed",
          "Message "
              + mismatch.id()
              + " is not at the version If-Match names; read it again and retry with its"
              + " current ETag",
          exception.kind());
    }
    if (exception instanceof EditContentionException contention) {
      // Not 412: the client named no version. Other edits kept winning; trying again is the fix.
      return retryable(
          409,
          "edit-contention",
          "Edit contention",
          contention.getMessage(),
          exception.kind(),
          CONTENTION_RETRY_AFTER_SECONDS);
    }
    if (exception instanceof IdempotencyKeyInUseException inUse) {
      // The first request usually finishes within moments; its response is then replayed.
      return retryable(
          409,
          "idempotency-key-in-use",
          "Request with this key in progress",
          inUse.getMessage(),
          exception.kind(),
          CONTENTION_RETRY_AFTER_SECONDS);
    }
    if (exception instanceof IdempotencyKeyReusedException reused) {
      return failure(
          422,
          "idempotency-key-reused",
          "Idempotency key reused",
          reused.getMessage(),
          exception.kind());
    }
    if (exception instanceof IdsExhaustedException exhausted) {
      return failure(409, "ids-exhausted", "No id left", exhausted.getMessage(), exception.kind());
    }
    if (exception instanceof InvalidInputException invalid) {
      return new Failure(
          400,
          "invalid-input",
          "Invalid input",
          invalid.getMessage(),
          List.of(new FieldError(invalid.field(), invalid.reason())),
          exception.kind(),
          Optional.empty());
    }
    if (exception instanceof StorageUnavailableException) {
      return retryable(
          503,
          "storage-unavailable",
          "Storage unavailable",
          "The message store cannot be reached right now; try again later.",
          exception.kind(),
          RETRY_AFTER_SECONDS);
    }
    throw new IllegalStateException("Unmapped domain failure " + exception.getClass().getName());
  }

  private static Failure rejection(RequestRejectedException rejected) {
    return switch (rejected.reason()) {
      case MALFORMED -> rejected(400, "malformed-request", "Malformed request", rejected);
      case UNPROCESSABLE -> rejected(422, "invalid-message", "Invalid message", rejected);
      case TOO_LARGE -> rejected(413, "body-too-large", "Body too large", rejected);
      case UNSUPPORTED_MEDIA_TYPE ->
          rejected(415, "unsupported-media-type", "Unsupported media type", rejected);
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
