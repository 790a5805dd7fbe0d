package io.messageboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The code between {@code // tag::NAME[]} and {@code // end::NAME[]} in a test's source, as the
 * README shows it (unindented), so that a test can check the README shows the code it runs.
 */
public final class ReadmeSnippets {

  private ReadmeSnippets() {}

  /** The snippet {@code tag} of {@code source}, with the test method's indentation removed. */
  public static String snippet(Path source, String tag) {
    String text = read(source);
    String start = "// tag::" + tag + "[]";
    String end = "    // end::" + tag + "[]";
    int from = text.indexOf(start);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException(source + " has no snippet " + tag);
    }
    return text.substring(from + start.length(), to)
        .lines()
        .map(line -> line.replaceFirst("^    ", ""))
        .collect(Collectors.joining("\n"))
        .strip();
  }

  /** The README at the root of the build, seen from a module's folder. */
  public static String readme() {
    return read(Path.of("../README.md"));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
