package io.messageboard.adapter.http.request;

/**
 * Percent-encoding in a request path: every {@code %} must start a two-digit hex escape. Jetty
 * refuses most bad escapes itself but lets some through (after a {@code ;} path parameter), and the
 * router would then fail to decode them; they are refused with 400 before routing instead.
 */
public final class PathEscapes {

  private PathEscapes() {}

  /** Throws a 400 rejection for the path id when {@code rawPath} has a malformed escape. */
  public static void requireWellFormed(String rawPath) {
    if (rawPath == null) {
      return;
    }
    for (int i = rawPath.indexOf('%'); i >= 0; i = rawPath.indexOf('%', i + 1)) {
      if (i + 2 >= rawPath.length()
          || !isHex(rawPath.charAt(i + 1))
          || !isHex(rawPath.charAt(i + 2))) {
        throw RequestRejectedException.malformed("id", "has a malformed percent-encoding");
      }
    }
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
