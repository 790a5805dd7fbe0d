package io.messageboard.bench.load;

import java.io.IOException;
import java.io.InputStream;

/**
 * Counts GET /data's body, {@code [[clid, mess, sid], …]}, as it streams, so that no export has to
 * be kept: its bytes, its rows (the {@code ],[} between them, plus one) and whether the array was
 * closed (the service leaves it open when the store fails halfway). The benchmark's texts hold no
 * {@code ],[} of their own.
 */
public record ExportBody(long rows, long bytes, boolean closed) {

  private static final byte[] SEPARATOR = {']', ',', '['};

  public static ExportBody count(InputStream body) throws IOException {
    long separators = 0;
    long bytes = 0;
    int matched = 0;
    int first = -1;
    int second = -1;
    int last = -1;
    int beforeLast = -1;
    byte[] buffer = new byte[64 * 1024];
    for (int n = body.read(buffer); n != -1; n = body.read(buffer)) {
      for (int i = 0; i < n; i++) {
        byte b = buffer[i];
        if (bytes == 0) {
          first = b;
        } else if (bytes == 1) {
          second = b;
        }
        bytes++;
        beforeLast = last;
        last = b;
        if (b == SEPARATOR[matched]) {
          matched++;
          if (matched == SEPARATOR.length) {
            separators++;
            matched = 0;
          }
        } else {
          matched = b == SEPARATOR[0] ? 1 : 0;
        }
      }
    }
    boolean anyRow = first == '[' && second == '[';
    boolean closed = anyRow ? beforeLast == ']' && last == ']' : first == '[' && second == ']';
    return new ExportBody(anyRow ? separators + 1 : 0, bytes, closed);
  }
}
