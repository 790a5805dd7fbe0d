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
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a request body as one JSON object, strictly: JSON media type, at most {@link #MAX_BYTES},
 * well-formed UTF-8 JSON, no duplicate keys, no trailing content, only the allowed fields.
 */
public final class JsonBody {

  public static final int MAX_BYTES = 64 * 1024;
  private static final long DISCARD_AT_MOST = 1024 * 1024;

  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private JsonBody() {}

  /**
   * The body as an object holding only {@code allowedFields}; refuses anything else with a 4xx
   * reason.
   */
  public static ObjectNode object(Context ctx, Set<String> allowedFields) {
    requireJsonMediaType(ctx.contentType());
    requireIdentityEncoding(ctx.header("Content-Encoding"));
    byte[] body = readLimited(ctx);
    JsonNode node = parse(body);
    if (!(node instanceof ObjectNode object)) {
      throw RequestRejectedException.malformed(
          "body", "must be a JSON object, not " + describe(node));
    }
    List<FieldError> unknown = new ArrayList<>();
    object
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!allowedFields.contains(name)) {
                unknown.add(new FieldError(name, "is not a known field"));
              }
            });
    if (!unknown.isEmpty()) {
      throw new RequestRejectedException(Reason.MALFORMED, "The body has unknown fields", unknown);
    }
    return object;
  }

  static void requireJsonMediaType(@Nullable String contentType) {
    if (contentType == null) {
      throw unsupported("Content-Type", "A JSON body needs Content-Type: application/json");
    }
    // Limit -1: ";" alone splits into two empty parts, not into none.
    String[] parts = contentType.split(";", -1);
    if (!parts[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
      throw unsupported(
          "Content-Type", "Content-Type must be application/json, not " + parts[0].strip());
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
      if (parameter.startsWith("charset=") && !parameter.equals("charset=utf-8")) {
        throw unsupported(
            "Content-Type",
            "JSON bodies must be UTF-8, not " + parameter.substring("charset=".length()));
      }
    }
  }

  static void requireIdentityEncoding(@Nullable String contentEncoding) {
    if (contentEncoding != null
        && !contentEncoding.isBlank()
        && !contentEncoding.strip().equalsIgnoreCase("identity")) {
      throw unsupported(
          "Content-Encoding",
          "Content-Encoding "
              + contentEncoding.strip()
              + " is not accepted; send the body uncompressed");
    }
  }

  private static RequestRejectedException unsupported(String header, String detail) {
    return new RequestRejectedException(
        Reason.UNSUPPORTED_MEDIA_TYPE, detail, List.of(new FieldError(header, detail)));
  }

  private static byte[] readLimited(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    try (InputStream in = ctx.req().getInputStream()) {
      if (declared > MAX_BYTES) {
        throw tooLarge(in, declared);
      }
      byte[] body = in.readNBytes(MAX_BYTES + 1);
      if (body.length > MAX_BYTES) {
        throw tooLarge(in, -1);
      }
      return body;
    } catch (IOException e) {
      throw RequestRejectedException.malformed("body", "could not be read");
    }
  }

  /**
   * Reads and discards the rest of a moderately oversized body before refusing it: a server that
   * answers 413 and closes while the client is still sending makes many clients lose the answer to
   * a connection reset.
   */
  private static RequestRejectedException tooLarge(InputStream in, long declared)
      throws IOException {
    if (declared <= DISCARD_AT_MOST) {
      byte[] buffer = new byte[8192];
      long discarded = 0;
      int read;
      while (discarded <= DISCARD_AT_MOST && (read = in.read(buffer)) != -1) {
        discarded += read;
      }
    }
    return tooLarge();
  }

  private static RequestRejectedException tooLarge() {
    String detail = "The body must be at most " + MAX_BYTES + " bytes";
    return new RequestRejectedException(
        Reason.TOO_LARGE, detail, List.of(new FieldError("body", detail)));
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw RequestRejectedException.malformed("body", "is empty; a JSON object is required");
    }
    String text;
    try {
      // Only UTF-8 is accepted; Jackson would otherwise guess UTF-16 or UTF-32 from the first
      // bytes.
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      throw RequestRejectedException.malformed("body", "is not valid UTF-8");
    }
    try {
      JsonNode node = STRICT.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw RequestRejectedException.malformed("body", "is empty; a JSON object is required");
      }
      return node;
    } catch (JsonProcessingException e) {
      // Jackson's own wording names its classes and features; the client gets the position only.
      throw RequestRejectedException.malformed("body", "is not valid JSON" + position(e));
    }
  }

  private static String position(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line %d, column %d)"
            .formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr());
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
