package io.messageboard.adapter.http.request;

import io.javalin.http.Context;
import io.messageboard.domain.failure.InvalidInputException;
import io.messageboard.domain.idempotency.IdempotencyKey;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Idempotency-Key} request header: a Structured Field String (RFC 8941) as the IETF
 * httpapi idempotency-key draft defines it, e.g. {@code "8e03978e-40d5-43e8-bc93-6894a57f9324"}, or
 * the bare form most clients send, e.g. {@code KG5LxwFBepaKHyUD}: 1 to 255 visible ASCII characters
 * without {@code "} and {@code \}. A bare key and its quoted form name the same key. Optional;
 * present but malformed is refused with 400.
 */
public final class IdempotencyKeyHeader {

  public static final String NAME = "Idempotency-Key";

  /** Tells the client that a response is the replay of an earlier request's. */
  public static final String REPLAYED = "Idempotent-Replayed";

  private IdempotencyKeyHeader() {}

  /** The key the request carries, if any. */
  public static Optional<IdempotencyKey> from(Context ctx) {
    List<String> values = Collections.list(ctx.req().getHeaders(NAME));
    if (values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      throw malformed("must be sent once");
    }
    return Optional.of(parse(values.get(0)));
  }

  /** Parses one field value; throws a 400 rejection naming what is wrong. */
  static IdempotencyKey parse(String field) {
    String value = field.strip();
    return value.startsWith("\"") ? quoted(value) : bare(value);
  }

  // The quotes are syntax, not part of the key: abc and "abc" are one key, so a client that
  // switches form between retries still gets the replay.
  private static IdempotencyKey bare(String value) {
    if (value.isEmpty()) {
      throw malformed("must not be empty");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c > 0x7E || c == '"' || c == '\\') {
        throw malformed(
            "must be visible ASCII without spaces, '\"' and '\\' (e.g. KG5LxwFBepaKHyUD), or a"
                + " quoted string (e.g. \"8e03978e-40d5-43e8-bc93-6894a57f9324\")");
      }
    }
    return key(value);
  }

  private static IdempotencyKey quoted(String value) {
    StringBuilder key = new StringBuilder();
    int i = 1;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c == '"') {
        if (i != value.length() - 1) {
          throw malformed("must hold nothing after the closing quote");
        }
        return key(key.toString());
      }
      if (c == '\\') {
        if (i + 1 >= value.length()
            || (value.charAt(i + 1) != '"' && value.charAt(i + 1) != '\\')) {
          throw malformed("may escape only '\"' and '\\' with a backslash");
        }
        c = value.charAt(++i);
      } else if (c < 0x20 || c > 0x7E) {
        throw malformed("must be printable ASCII");
      }
      key.append(c);
      i++;
    }
    throw malformed("misses its closing quote");
  }

  private static IdempotencyKey key(String value) {
    try {
      return new IdempotencyKey(value);
    } catch (InvalidInputException e) {
      throw malformed(e.reason());
    }
  }

  private static RequestRejectedException malformed(String reason) {
    return RequestRejectedException.malformed(NAME, reason);
  }
}
