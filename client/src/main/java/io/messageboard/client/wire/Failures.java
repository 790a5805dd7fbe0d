package io.messageboard.client.wire;

import io.messageboard.domain.failure.DuplicateMessageIdException;
import io.messageboard.domain.failure.EditContentionException;
import io.messageboard.domain.failure.FeedBusyException;
import io.messageboard.domain.failure.IdempotencyKeyInUseException;
import io.messageboard.domain.failure.IdempotencyKeyReusedException;
import io.messageboard.domain.failure.IdsExhaustedException;
import io.messageboard.domain.failure.InvalidInputException;
import io.messageboard.domain.failure.MessageNotFoundException;
import io.messageboard.domain.failure.OutcomeUnknownException;
import io.messageboard.domain.failure.StorageConflictException;
import io.messageboard.domain.failure.StorageUnavailableException;
import io.messageboard.domain.failure.VersionMismatchException;
import io.messageboard.domain.model.MessageId;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The exception a refusal stands for: the domain's own where the problem names a domain failure, so
 * that callers of the driving ports catch the same exceptions in-process and remotely; a {@link
 * ServiceException} otherwise. The problem document is kept as the cause.
 */
public final class Failures {

  private Failures() {}

  /**
   * The exception for {@code problem}, answered to a request about message {@code id} (if it named
   * one) that expected {@code expectedVersion}. {@code mayHaveApplied} says an earlier attempt of
   * the same change got no answer, so a refusal that promises "nothing stored" speaks only of the
   * last attempt and the outcome is unknown.
   */
  public static RuntimeException of(
      Problem problem,
      Optional<MessageId> id,
      OptionalLong expectedVersion,
      boolean mayHaveApplied) {
    ServiceException cause = new ServiceException(problem);
    int messageId = id.map(MessageId::value).orElse(0);
    RuntimeException failure =
        switch (problem.kind()) {
          case "message-not-found" -> new MessageNotFoundException(messageId);
          case "duplicate-id" -> new DuplicateMessageIdException(messageId);
          case "version-mismatch" ->
              new VersionMismatchException(messageId, expectedVersion.orElse(0));
          case "edit-contention" -> new EditContentionException(messageId, 1);
          case "idempotency-key-reused" -> new IdempotencyKeyReusedException();
          case "ids-exhausted" -> new IdsExhaustedException();
          case "invalid-input" ->
              new InvalidInputException(
                  problem.field().orElse("request"), problem.reason().orElse(problem.detail()));
          case "feed-busy" -> new FeedBusyException(0);
          default -> unavailable(problem, cause, mayHaveApplied);
        };
    // The domain's exceptions without a cause of their own keep the problem (its detail, its
    // request id) as one.
    if (failure != cause && failure.getCause() == null) {
      failure.initCause(cause);
    }
    return failure;
  }

  private static RuntimeException unavailable(
      Problem problem, ServiceException cause, boolean mayHaveApplied) {
    if (problem.kind().equals("outcome-unknown") || (mayHaveApplied && transientRefusal(problem))) {
      return new OutcomeUnknownException(problem.detail(), cause);
    }
    return switch (problem.kind()) {
      case "idempotency-key-in-use" -> new IdempotencyKeyInUseException();
      case "storage-conflict" -> new StorageConflictException(problem.detail(), cause);
      case "storage-unavailable", "replica-unavailable" ->
          new StorageUnavailableException(problem.detail(), cause);
      default ->
          problem.status() == 502 || problem.status() == 503 || problem.status() == 504
              ? new StorageUnavailableException(problem.detail(), cause)
              : cause;
    };
  }

  /** A refusal that a later attempt may not get: overload, a stop, a store out of reach. */
  public static boolean transientRefusal(Problem problem) {
    return problem.status() == 429
        || problem.status() == 502
        || problem.status() == 503
        || problem.status() == 504
        || problem.kind().equals("idempotency-key-in-use")
        || problem.kind().equals("edit-contention");
  }
}
