package io.messageboard.adapter.http.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Validates response bodies against the contract's JSON Schema 2020-12 schemas (the OpenAPI 3.1
 * dialect), which swagger-request-validator only partly understands (it skips {@code type} arrays
 * and {@code prefixItems}).
 */
final class ResponseBodySchemas {

  private static final String SPEC = "classpath:openapi.yaml";
  private static final JsonNode DOCUMENT = load();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();

  private ResponseBodySchemas() {}

  static List<String> violations(String method, String path, ApiResponse response) {
    Optional<JsonNode> schema = schemaFor(method, path, response);
    boolean json = response.header("Content-Type").map(type -> type.contains("json")).orElse(false);
    if (schema.isEmpty() || !json) {
      return List.of();
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      return List.of("body is not JSON: " + e.getMessage());
    }
    JsonSchema compiled =
        COMPILED.computeIfAbsent(
            schema.get().toString(),
            key -> FACTORY.getSchema(SchemaLocation.of(SPEC), rootedAt(schema.get()), CONFIG));
    return compiled.validate(body).stream().map(Object::toString).toList();
  }

  private static Optional<JsonNode> schemaFor(String method, String path, ApiResponse response) {
    String contentType =
        response.header("Content-Type").map(value -> value.split(";", -1)[0].strip()).orElse("");
    return documented(method, path)
        .map(operation -> operation.path("responses").path(Integer.toString(response.status())))
        .filter(node -> !node.isMissingNode())
        .map(ResponseBodySchemas::resolve)
        .map(definition -> definition.path("content").path(contentType).path("schema"))
        .filter(node -> !node.isMissingNode());
  }

  /** The contract's operation for this method and concrete path, if it documents one. */
  static Optional<JsonNode> documented(String method, String path) {
    Iterator<String> templates = DOCUMENT.path("paths").fieldNames();
    while (templates.hasNext()) {
      String template = templates.next();
      String pattern = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
      if (path.matches(pattern)) {
        JsonNode operation =
            DOCUMENT.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        return operation.isMissingNode() ? Optional.empty() : Optional.of(operation);
      }
    }
    return Optional.empty();
  }

  // The contract's schemas refer to each other with "#/components/...", so the schema to apply is
  // placed beside
  // the document's components and referenced from the root.
  private static JsonNode rootedAt(JsonNode schema) {
    ObjectNode root = JSON.createObjectNode();
    root.set("components", DOCUMENT.get("components"));
    root.putObject("$defs").set("target", schema);
    root.put("$ref", "#/$defs/target");
    return root;
  }

  private static JsonNode resolve(JsonNode node) {
    JsonNode ref = node.get("$ref");
    return ref == null ? node : DOCUMENT.at(ref.asText().substring(1));
  }

  private static JsonNode load() {
    try (InputStream in = ResponseBodySchemas.class.getResourceAsStream("/openapi.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
