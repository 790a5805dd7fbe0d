package io.messageboard.client;

import io.messageboard.domain.model.MessageId;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * One call the client makes, however many attempts it takes: the request, how safe it is to repeat,
 * and what it is about (for the domain exception a refusal becomes).
 */
record Exchange(
    String method,
    String pathAndQuery,
    Map<String, String> headers,
    @Nullable String jsonBody,
    RetrySafety safety,
    Optional<MessageId> about,
    OptionalLong expectedVersion) {

  Exchange {
    headers = Map.copyOf(headers);
  }

  static Exchange read(String pathAndQuery, Optional<MessageId> about) {
    return new Exchange(
        "GET", pathAndQuery, Map.of(), null, RetrySafety.REPEATABLE, about, OptionalLong.empty());
  }

  /**
   * An edit or delete of message {@code id}: with {@code expectedVersion}, only if the message is
   * still at that version ({@code If-Match}); sent again only after refusals that say nothing was
   * done.
   */
  static Exchange change(
      String method,
      String path,
      @Nullable String jsonBody,
      MessageId id,
      OptionalLong expectedVersion) {
    Map<String, String> headers =
        expectedVersion.isPresent()
            ? Map.of("If-Match", "\"" + expectedVersion.getAsLong() + "\"")
            : Map.of();
    return new Exchange(
        method,
        path,
        headers,
        jsonBody,
        RetrySafety.ONLY_IF_NOT_DONE,
        Optional.of(id),
        expectedVersion);
  }

  boolean writes() {
    return !method.equals("GET");
  }
}
