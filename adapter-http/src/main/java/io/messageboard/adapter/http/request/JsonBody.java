package io.messageboard.adapter.http.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.messageboard.adapter.http.request.RequestRejectedException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a request body as one JSON object, strictly: JSON media type, at most {@link #MAX_BYTES}, well-formed
 * UTF-8 JSON, no duplicate keys, no trailing content, only the allowed fields.
 */
public final class JsonBody {

  public static final int MAX_BYTES = 64 * 1024;

  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private JsonBody() {}

  /** The body as an object holding only {@code allowedFields}; refuses anything else with a 4xx reason. */
  public static ObjectNode object(Context ctx, Set<String> allowedFields) {
    requireJsonMediaType(ctx.contentType());
    byte[] body = readLimited(ctx);
    JsonNode node = parse(body);
    if (!(node instanceof ObjectNode object)) {
      throw RequestRejectedException.malformed("body", "must be a JSON object, not " + describe(node));
    }
    List<FieldError> unknown = new ArrayList<>();
    object.fieldNames().forEachRemaining(name -> {
      if (!allowedFields.contains(name)) {
        unknown.add(new FieldError(name, "is not a known field"));
      }
    });
    if (!unknown.isEmpty()) {
      throw new RequestRejectedException(Reason.MALFORMED, "The body has unknown fields", unknown);
    }
    return object;
  }

  static void requireJsonMediaType(String contentType) {
    if (contentType == null) {
      throw unsupported("A JSON body needs Content-Type: application/json");
    }
    String[] parts = contentType.split(";");
    if (!parts[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
      throw unsupported("Content-Type must be application/json, not " + parts[0].strip());
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
      if (parameter.startsWith("charset=") && !parameter.equals("charset=utf-8")) {
        throw unsupported("JSON bodies must be UTF-8, not " + parameter.substring("charset=".length()));
      }
    }
  }

  private static RequestRejectedException unsupported(String detail) {
    return new RequestRejectedException(
        Reason.UNSUPPORTED_MEDIA_TYPE, detail, List.of(new FieldError("Content-Type", detail)));
  }

  private static byte[] readLimited(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > MAX_BYTES) {
      throw tooLarge();
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes(MAX_BYTES + 1);
      if (body.length > MAX_BYTES) {
        throw tooLarge();
      }
      return body;
    } catch (IOException e) {
      throw RequestRejectedException.malformed("body", "could not be read");
    }
  }

  private static RequestRejectedException tooLarge() {
    String detail = "The body must be at most " + MAX_BYTES + " bytes";
    return new RequestRejectedException(Reason.TOO_LARGE, detail, List.of(new FieldError("body", detail)));
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw RequestRejectedException.malformed("body", "is empty; a JSON object is required");
    }
    try {
      JsonNode node = STRICT.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw RequestRejectedException.malformed("body", "is empty; a JSON object is required");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw RequestRejectedException.malformed("body", "is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw RequestRejectedException.malformed("body", "is not valid UTF-8 JSON");
    }
  }

  static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case OBJECT -> "an object";
      default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }
}
