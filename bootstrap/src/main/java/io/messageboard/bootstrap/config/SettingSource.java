package io.messageboard.bootstrap.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Raw setting values: system properties first, then environment variables, then {@code …_FILE}
 * secrets.
 */
final class SettingSource {

  private final Map<String, String> environment;
  private final Map<String, String> properties;

  SettingSource(Map<String, String> environment, Map<String, String> properties) {
    this.environment = Map.copyOf(environment);
    this.properties = Map.copyOf(properties);
  }

  Optional<String> raw(Setting setting) {
    if (environment.containsKey(setting.environmentVariable())
        && environment.containsKey(setting.environmentVariable() + "_FILE")) {
      throw new InvalidSettingException(
          "Set %s or %s_FILE, not both"
              .formatted(setting.environmentVariable(), setting.environmentVariable()));
    }
    String property = properties.get(setting.systemProperty());
    if (property != null) {
      return Optional.of(property);
    }
    String variable = environment.get(setting.environmentVariable());
    if (variable != null) {
      return Optional.of(variable);
    }
    return secretFile(setting);
  }

  private Optional<String> secretFile(Setting setting) {
    String fileVariable = setting.environmentVariable() + "_FILE";
    String file =
        properties.getOrDefault(setting.systemProperty() + ".file", environment.get(fileVariable));
    if (file == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(Path.of(file), StandardCharsets.UTF_8).strip());
    } catch (IOException | RuntimeException e) {
      throw new InvalidSettingException(
          "Invalid %s=%s: cannot read the file (%s)".formatted(fileVariable, file, e));
    }
  }
}
