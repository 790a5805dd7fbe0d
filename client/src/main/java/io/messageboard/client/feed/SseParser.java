package io.messageboard.client.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads Server-Sent Events from a byte stream as the WHATWG specification interprets one: UTF-8
 * with an optional leading BOM, lines ended by CRLF, LF or CR, comments, fields with or without a
 * colon, {@code data:} lines joined, an {@code id} holding NUL ignored, and an event cut off by the
 * end of the stream discarded. {@code retry} is ignored: the feed keeps its own reconnection
 * policy.
 */
final class SseParser {

  /** Far more than the longest message's JSON; a longer line is no feed's and is refused. */
  static final int MAX_LINE_BYTES = 1 << 20;

  private final InputStream in;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private final StringBuilder data = new StringBuilder();
  private String type = "";
  private String lastEventId = "";
  private boolean atStart = true;
  private boolean afterCarriageReturn;

  SseParser(InputStream in) {
    this.in = in;
  }

  /** The next event; empty when the stream ended. */
  Optional<SseEvent> next() throws IOException {
    while (true) {
      Optional<String> read = readLine();
      if (read.isEmpty()) {
        return Optional.empty();
      }
      String text = read.get();
      if (text.isEmpty()) {
        Optional<SseEvent> event = dispatch();
        if (event.isPresent()) {
          return event;
        }
      } else if (!text.startsWith(":")) {
        int colon = text.indexOf(':');
        if (colon < 0) {
          field(text, "");
        } else {
          String value = text.substring(colon + 1);
          field(text.substring(0, colon), value.startsWith(" ") ? value.substring(1) : value);
        }
      }
    }
  }

  private void field(String name, String value) {
    switch (name) {
      case "event" -> type = value;
      case "data" -> data.append(value).append('\n');
      case "id" -> {
        if (value.indexOf('\0') < 0) {
          lastEventId = value;
        }
      }
      default -> {
        // "retry" and unknown fields: ignored.
      }
    }
  }

  private Optional<SseEvent> dispatch() {
    if (data.length() == 0) {
      type = "";
      return Optional.empty();
    }
    data.setLength(data.length() - 1);
    SseEvent event = new SseEvent(type.isEmpty() ? "message" : type, data.toString(), lastEventId);
    data.setLength(0);
    type = "";
    return Optional.of(event);
  }

  /** The next line without its end; empty at the end of the stream (a last unended line too). */
  private Optional<String> readLine() throws IOException {
    line.reset();
    while (true) {
      int b = in.read();
      if (b < 0) {
        return Optional.empty();
      }
      // A CR's LF is skipped when it comes, never waited for: the CR may end the last line sent.
      if (afterCarriageReturn) {
        afterCarriageReturn = false;
        if (b == '\n') {
          continue;
        }
      }
      if (b == '\r' || b == '\n') {
        afterCarriageReturn = b == '\r';
        return Optional.of(decode());
      }
      if (line.size() >= MAX_LINE_BYTES) {
        throw new IOException("the event stream sent a line longer than " + MAX_LINE_BYTES);
      }
      line.write(b);
    }
  }

  private String decode() {
    byte[] bytes = line.toByteArray();
    int from = 0;
    if (atStart) {
      atStart = false;
      if (bytes.length >= 3
          && (bytes[0] & 0xff) == 0xef
          && (bytes[1] & 0xff) == 0xbb
          && (bytes[2] & 0xff) == 0xbf) {
        from = 3;
      }
    }
    return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
  }
}
