package io.messageboard.deploy.config;

import static io.messageboard.deploy.config.ExternalTool.DEPLOY;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of deploy/runtime that every deployment reads: the replicas' JVM options (a Java
 * argument file) and environment files ({@code NAME=value} lines), read as the JVM and compose do.
 */
final class RuntimeFiles {

  static final Path RUNTIME = DEPLOY.resolve("runtime");

  private RuntimeFiles() {}

  /** The options of runtime/jvm.args, comments left out, one element each. */
  static List<String> jvmArgs() throws IOException {
    return Files.readAllLines(RUNTIME.resolve("jvm.args")).stream()
        .map(line -> line.replaceFirst("#.*", "").strip())
        .filter(line -> !line.isEmpty())
        .flatMap(line -> Arrays.stream(line.split("\\s+")))
        .toList();
  }

  /** The NAME=value entries of an environment file under deploy/runtime, in order. */
  static Map<String, String> environment(String file) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    for (String line : Files.readAllLines(RUNTIME.resolve(file))) {
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      int equals = text.indexOf('=');
      if (equals <= 0) {
        throw new AssertionError(file + ": not NAME=value: " + line);
      }
      entries.put(text.substring(0, equals), text.substring(equals + 1));
    }
    return entries;
  }
}
