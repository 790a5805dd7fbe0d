package io.messageboard.deploy.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds password and token values written into manifests: a field or environment variable named
 * like a password or the API tokens holding a literal (a {@code …_FILE} path or a secret reference
 * is fine), and any Secret value other than the {@value #PLACEHOLDER} placeholder.
 */
final class PasswordLeaks {

  static final String PLACEHOLDER = "CHANGE-ME";

  private PasswordLeaks() {}

  static void collect(JsonNode node, String path, List<String> leaks) {
    if ("Secret".equals(node.path("kind").asText())) {
      for (String field : List.of("data", "stringData")) {
        node.path(field)
            .properties()
            .forEach(
                entry -> {
                  if (!PLACEHOLDER.equals(entry.getValue().asText())) {
                    leaks.add(path + "/" + field + "/" + entry.getKey());
                  }
                });
      }
      return;
    }
    if (node.isObject()) {
      if (node.has("name") && node.has("value") && namesAPassword(node.path("name").asText())) {
        leaks.add(path + "/" + node.path("name").asText());
      }
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (field.getValue().isValueNode() && namesAPassword(field.getKey())) {
          leaks.add(path + "/" + field.getKey());
        }
        collect(field.getValue(), path + "/" + field.getKey(), leaks);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), path + "/" + i, leaks);
      }
    }
  }

  private static boolean namesAPassword(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return (upper.contains("PASSWORD") || upper.contains("TOKENS")) && !upper.endsWith("_FILE");
  }
}
