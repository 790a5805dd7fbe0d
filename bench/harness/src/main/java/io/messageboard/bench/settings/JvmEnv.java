package io.messageboard.bench.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The environment every JVM the harness starts runs with (deploy/runtime/jvm.env). */
public record JvmEnv(Map<String, String> variables) {

  public static JvmEnv read(Path file) throws IOException {
    return parse(Files.readString(file));
  }

  /** NAME=value per line; # starts a comment line. */
  public static JvmEnv parse(String text) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (String line : SettingLines.of(text)) {
      int equals = line.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("not NAME=value: " + line);
      }
      variables.put(line.substring(0, equals), line.substring(equals + 1));
    }
    return new JvmEnv(Map.copyOf(variables));
  }

  /** As the report gives it: NAME=value, space-separated, sorted by name. */
  public String describe() {
    return variables.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(" "));
  }
}
