package io.messageboard.client.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessageText;
import io.messageboard.domain.model.StoredMessages;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Messages as the API writes them ({@code Message} in the contract) and the bodies it reads. */
public final class MessageJson {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private MessageJson() {}

  /** Parses a JSON document; a body that is not JSON is a {@link MalformedResponseException}. */
  public static JsonNode tree(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new MalformedResponseException("the service answered with a body that is not JSON", e);
    }
  }

  /** Parses a JSON document held in a string (a feed event's data). */
  public static JsonNode tree(String body) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new MalformedResponseException("the service sent data that is not JSON", e);
    }
  }

  /** The message a {@code Message} object describes, exactly as the service stores it. */
  public static Message message(JsonNode node) {
    return StoredMessages.restore(
        new MessageId(integer(node, "id")),
        text(node, "text"),
        text(node, "replica"),
        instant(node, "createdAt"),
        instant(node, "updatedAt"),
        version(node));
  }

  /** A {@code NewMessage} body: the text, and the id when the client chose one. */
  public static String newMessage(Optional<MessageId> id, MessageText text) {
    ObjectNode body = JSON.createObjectNode();
    id.ifPresent(chosen -> body.put("id", chosen.value()));
    body.put("text", text.value());
    return body.toString();
  }

  /** A {@code MessageEdit} body. */
  public static String edit(MessageText text) {
    return JSON.createObjectNode().put("text", text.value()).toString();
  }

  /** The {@code version} of a message or deletion event, at least 1. */
  public static long version(JsonNode node) {
    JsonNode version = node.path("version");
    if (!version.canConvertToLong() || !version.isIntegralNumber() || version.asLong() < 1) {
      throw missing("version");
    }
    return version.asLong();
  }

  /** A 32-bit integer field. */
  public static int integer(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw missing(field);
    }
    return value.asInt();
  }

  /** A string field. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual()) {
      throw missing(field);
    }
    return value.asText();
  }

  private static Instant instant(JsonNode node, String field) {
    try {
      return Instant.parse(text(node, field));
    } catch (DateTimeParseException e) {
      throw new MalformedResponseException("the service sent a " + field + " that is no time", e);
    }
  }

  private static MalformedResponseException missing(String field) {
    return new MalformedResponseException(
        "the service sent a message without a valid " + field, null);
  }
}
