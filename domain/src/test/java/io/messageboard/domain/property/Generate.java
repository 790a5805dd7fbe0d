package io.messageboard.domain.property;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generators of hostile input: characters drawn mostly from the places where parsers and validators
 * break (controls, lone surrogates, look-alike quotes and digits, JSON and SQL syntax), lengths
 * clustered around the limits, and raw bytes.
 */
public final class Generate {

  /** Pieces that broke the original system or commonly break parsers; mixed into texts. */
  public static final List<String> HOSTILE_PIECES =
      List.of(
          "'",
          "\"",
          "\\",
          "'); DROP TABLE messages; --",
          "1 OR 1=1",
          "' OR '1'='1",
          "/* */",
          "-- ",
          "#",
          ";",
          "%",
          "_",
          "\u2018",
          "\u2019",
          "\u201c",
          "\u201d",
          "\uff07",
          "\u02bc",
          "\u0000",
          "\\u0000",
          "{\"text\":",
          "}",
          "[",
          "null",
          "\u202e",
          "\ufeff",
          "\ud83d\ude00",
          "\u0663",
          "\uff11");

  private static final String ASCII_DIGITS = "0123456789";

  private Generate() {}

  /** Any UTF-16 unit, weighted towards the troublesome ones. */
  public static char character(SplittableRandom random) {
    return switch (random.nextInt(8)) {
      case 0 -> (char) random.nextInt(0x20);
      case 1 -> (char) (0xd800 + random.nextInt(0x800));
      case 2 -> (char) random.nextInt(0x10000);
      case 3 -> " \t\r\n\u00a0\u2028\u3000".charAt(random.nextInt(7));
      default -> (char) (0x20 + random.nextInt(0x5f));
    };
  }

  /**
   * A string of up to {@code maxLength} UTF-16 units from {@link #character} and hostile pieces.
   */
  public static String string(SplittableRandom random, int maxLength) {
    int length = length(random, maxLength);
    StringBuilder out = new StringBuilder(length);
    while (out.length() < length) {
      if (random.nextInt(6) == 0) {
        out.append(HOSTILE_PIECES.get(random.nextInt(HOSTILE_PIECES.size())));
      } else {
        out.append(character(random));
      }
    }
    return out.toString();
  }

  /** Printable text of {@code codePoints} code points, some of them outside the BMP. */
  public static String printable(SplittableRandom random, int codePoints) {
    StringBuilder out = new StringBuilder(codePoints);
    for (int i = 0; i < codePoints; i++) {
      out.appendCodePoint(
          random.nextInt(10) == 0 ? 0x1f600 + random.nextInt(0x50) : 0x21 + random.nextInt(0x5e));
    }
    return out.toString();
  }

  /** A length up to {@code max}: mostly short, sometimes right at the limit. */
  public static int length(SplittableRandom random, int max) {
    return switch (random.nextInt(10)) {
      case 0 -> max;
      case 1 -> Math.max(0, max - random.nextInt(3));
      case 2 -> random.nextInt(max + 1);
      default -> random.nextInt(Math.min(max, 40) + 1);
    };
  }

  /** Something that may or may not be a decimal number: signs, digits, look-alikes, junk. */
  public static String numberish(SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0 -> Long.toString(edgeLong(random));
      case 1 -> Integer.toString(random.nextInt());
      case 2 -> "-".repeat(random.nextInt(3)) + digits(random, 1 + random.nextInt(12));
      case 3 -> "0".repeat(random.nextInt(12)) + random.nextInt(1000);
      case 4 -> string(random, 12);
      default -> {
        String number = Integer.toString(random.nextInt());
        int at = random.nextInt(number.length() + 1);
        String junk =
            List.of("+", " ", ".5", "e3", "x", "\u0663", "%00", "\u00a0").get(random.nextInt(8));
        yield number.substring(0, at) + junk + number.substring(at);
      }
    };
  }

  /** A value near an interesting boundary of ints and longs, or any long. */
  public static long edgeLong(SplittableRandom random) {
    long[] edges = {
      0,
      1,
      -1,
      500,
      501,
      Integer.MAX_VALUE,
      Integer.MIN_VALUE,
      Integer.MAX_VALUE + 1L,
      Integer.MIN_VALUE - 1L,
      Long.MAX_VALUE,
      Long.MIN_VALUE
    };
    return switch (random.nextInt(3)) {
      case 0 -> edges[random.nextInt(edges.length)] + random.nextInt(5) - 2;
      case 1 -> random.nextLong();
      default -> random.nextInt(1_100) - 50;
    };
  }

  /** Up to {@code max} bytes: raw noise, text encoded as UTF-8, or a mangled JSON document. */
  public static byte[] bytes(SplittableRandom random, int max) {
    return switch (random.nextInt(3)) {
      case 0 -> {
        byte[] noise = new byte[length(random, max)];
        random.nextBytes(noise);
        yield noise;
      }
      case 1 -> string(random, max / 4).getBytes(StandardCharsets.UTF_8);
      default -> mangle(random, json(random).getBytes(StandardCharsets.UTF_8));
    };
  }

  /** A JSON object of the shape the APIs take, with hostile or wrongly typed values. */
  public static String json(SplittableRandom random) {
    List<String> keys = List.of("id", "text", "clid", "mess", "version", "", "TEXT");
    StringBuilder out = new StringBuilder("{");
    int fields = random.nextInt(4);
    for (int i = 0; i < fields; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append('"').append(keys.get(random.nextInt(keys.size()))).append("\":");
      out.append(jsonValue(random));
    }
    return out.append('}').toString();
  }

  private static String jsonValue(SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0 -> numberish(random);
      case 1 -> Long.toString(edgeLong(random));
      case 2 -> "null";
      case 3 -> "[" + random.nextInt(9) + "]";
      default -> '"' + escapeForJson(string(random, 30)) + '"';
    };
  }

  private static String escapeForJson(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 && c % 2 == 1) {
        // Odd control characters are escaped, even ones left raw (which makes the JSON invalid).
        out.append("\\u%04x".formatted((int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static byte[] mangle(SplittableRandom random, byte[] document) {
    if (document.length == 0 || random.nextInt(3) == 0) {
      return document;
    }
    byte[] copy = document.clone();
    int flips = 1 + random.nextInt(3);
    for (int i = 0; i < flips; i++) {
      copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
    }
    return copy;
  }

  private static String digits(SplittableRandom random, int count) {
    StringBuilder out = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      out.append(ASCII_DIGITS.charAt(random.nextInt(10)));
    }
    return out.toString();
  }
}
