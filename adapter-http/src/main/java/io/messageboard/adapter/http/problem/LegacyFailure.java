package io.messageboard.adapter.http.problem;

import java.util.Map;

/** A refused request as the legacy API answers it: status and the original system's body. */
public record LegacyFailure(int status, Map<String, String> body) {

  public LegacyFailure {
    body = Map.copyOf(body);
  }
}
