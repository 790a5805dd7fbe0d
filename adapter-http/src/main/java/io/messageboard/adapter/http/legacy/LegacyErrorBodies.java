package io.messageboard.adapter.http.legacy;

import io.messageboard.adapter.http.problem.ErrorBodyShape;
import io.messageboard.adapter.http.problem.Failure;
import io.messageboard.domain.failure.FailureKind;
import java.util.Map;

/**
 * Error bodies of the legacy API: the original system's keys and texts, chosen per operation and
 * failure.
 */
public final class LegacyErrorBodies implements ErrorBodyShape {

  @Override
  public boolean owns(String path) {
    return LegacyRoutes.owns(path);
  }

  @Override
  public Map<String, String> body(String method, Failure failure) {
    FailureKind kind = failure.kind();
    if (kind == FailureKind.STORAGE_UNAVAILABLE) {
      return Map.of("message", "Cannot connect to the database. Try again later.");
    }
    if (kind == FailureKind.DUPLICATE) {
      return Map.of("error", "Integrity error, duplicated ID");
    }
    if (kind == FailureKind.NOT_FOUND) {
      return switch (method) {
        case "PUT" -> Map.of("error", "No rows updated, ID not found");
        case "DELETE" -> Map.of("error", "No rows deleted, ID not found");
        default -> Map.of("message", "ID not found");
      };
    }
    if (failure.status() == 400 || failure.status() == 422) {
      return Map.of("message", invalidFormat(method, failure));
    }
    return Map.of("message", failure.detail());
  }

  private static String invalidFormat(String method, Failure failure) {
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
}
