package io.messageboard.bench.openloop;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 response off a connection and skips its body (by its length, its chunks, or up
 * to the end of the stream), leaving the stream at the next response.
 */
final class ResponseReader {

  /** A response's status, and whether the connection carries another request after it. */
  record Response(int status, boolean keepAlive) {}

  private static final int LONGEST_LINE = 8192;

  private ResponseReader() {}

  static Response read(InputStream in) throws IOException {
    String statusLine = line(in);
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP/1.x status line: " + statusLine);
    }
    int status = Integer.parseInt(parts[1]);
    boolean keepAlive = parts[0].equals("HTTP/1.1");
    long length = -1;
    boolean chunked = false;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.endsWith("chunked");
        case "connection" -> {
          if (value.contains("close")) {
            keepAlive = false;
          } else if (value.contains("keep-alive")) {
            keepAlive = true;
          }
        }
        default -> {}
      }
    }
    if (status / 100 == 1 || status == 204 || status == 304) {
      return new Response(status, keepAlive);
    }
    if (chunked) {
      skipChunks(in);
    } else if (length >= 0) {
      skip(in, length);
    } else {
      in.transferTo(OutputStream.nullOutputStream());
      keepAlive = false;
    }
    return new Response(status, keepAlive);
  }

  private static void skipChunks(InputStream in) throws IOException {
    for (long size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
      skip(in, size);
      line(in);
    }
    // Trailers, if any, then the empty line that ends the message.
    while (!line(in).isEmpty()) {
      // skipped
    }
  }

  private static long chunkSize(String line) {
    int extension = line.indexOf(';');
    return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
  }

  private static void skip(InputStream in, long bytes) throws IOException {
    long left = bytes;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("the connection closed " + left + " bytes before the body's end");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  /** One line without its CR LF; fails at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("the connection closed in the middle of a response");
      }
      if (line.size() == LONGEST_LINE) {
        throw new IOException("a response line longer than " + LONGEST_LINE + " bytes");
      }
      line.write(b);
    }
    String text = line.toString(StandardCharsets.ISO_8859_1);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }
}
