package io.messageboard.domain.property;

import java.util.Arrays;

/** Shows a generated input in a failure message: control and non-ASCII characters escaped. */
final class Printable {

  private static final int LIMIT = 2_000;

  private Printable() {}

  static String of(Object input) {
    String text =
        input instanceof byte[] bytes ? Arrays.toString(bytes) : escaped(String.valueOf(input));
    return text.length() > LIMIT ? text.substring(0, LIMIT) + "… (" + text.length() + ")" : text;
  }

  private static String escaped(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append("\\u%04x".formatted((int) c));
      }
    }
    return out.toString();
  }
}
