package io.messageboard.bench.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The replica JVM's options (deploy/runtime/jvm.args). Java reads the file itself ({@code
 * java @file}); the harness reads it only to name the options in the report.
 */
public record JvmArgs(Path file, List<String> options) {

  public static JvmArgs read(Path file) throws IOException {
    return new JvmArgs(file, parse(Files.readString(file)));
  }

  /** One or more options per line, blank-separated; # starts a comment line. */
  static List<String> parse(String text) {
    return SettingLines.of(text).stream().flatMap(l -> List.of(l.split("\\s+")).stream()).toList();
  }

  /** The argument that makes java read the file. */
  public String argumentFile() {
    return "@" + file;
  }

  public String describe() {
    return String.join(" ", options);
  }
}
