package io.messageboard.client.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * An RFC 9457 problem document as the service (or nginx in front of it) sends one, reduced to what
 * the client acts on.
 *
 * @param kind the last part of the problem's {@code type}, e.g. {@code message-not-found}; {@code
 *     http-<status>} for an answer that is no problem document
 * @param field the first field an {@code invalid-input} problem names, if any
 * @param reason what is wrong with that field
 */
public record Problem(
    int status,
    String kind,
    String detail,
    Optional<String> field,
    Optional<String> reason,
    Optional<String> requestId) {

  static final String TYPE_PREFIX = "urn:messageboard:problem:";

  /** Reads a refusal's body; anything that is not a problem document keeps only its status. */
  public static Problem of(int status, byte[] body) {
    JsonNode node;
    try {
      node = MessageJson.tree(body);
    } catch (MalformedResponseException notJson) {
      return generic(status);
    }
    String type = node.path("type").asText("");
    if (!type.startsWith(TYPE_PREFIX)) {
      return generic(status);
    }
    JsonNode firstError = node.path("errors").path(0);
    return new Problem(
        status,
        type.substring(TYPE_PREFIX.length()),
        node.path("detail").asText("HTTP " + status),
        optionalText(firstError.path("field")),
        optionalText(firstError.path("reason")),
        optionalText(node.path("requestId")));
  }

  /** A status with no problem document to explain it. */
  public static Problem generic(int status) {
    return new Problem(
        status,
        "http-" + status,
        "the service answered HTTP " + status,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static Optional<String> optionalText(JsonNode node) {
    return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }

  @Override
  public String toString() {
    return status
        + " "
        + kind
        + ": "
        + detail
        + requestId.map(id -> " (request " + id + ")").orElse("");
  }
}
