package io.messageboard.bench.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/** Where the local stack's programs listen (deploy/runtime/topology). */
public record Topology(List<Endpoint> endpoints) {

  /** One line: {@code ROLE NAME ADDRESS PORT [SECOND_PORT]}. */
  public record Endpoint(String role, String name, String address, int port, OptionalInt second) {}

  public static Topology read(Path file) throws IOException {
    return parse(Files.readString(file));
  }

  public static Topology parse(String text) {
    return new Topology(
        SettingLines.of(text).stream()
            .map(line -> line.split("\\s+"))
            .map(Topology::endpoint)
            .toList());
  }

  private static Endpoint endpoint(String[] columns) {
    if (columns.length < 4 || columns.length > 5) {
      throw new IllegalArgumentException(
          "expected ROLE NAME ADDRESS PORT [SECOND_PORT]: " + String.join(" ", columns));
    }
    return new Endpoint(
        columns[0],
        columns[1],
        columns[2],
        Integer.parseInt(columns[3]),
        columns.length == 5 ? OptionalInt.of(Integer.parseInt(columns[4])) : OptionalInt.empty());
  }

  public List<Endpoint> withRole(String role) {
    return endpoints.stream().filter(e -> e.role().equals(role)).toList();
  }

  /** The one endpoint of a role the stack has exactly one of (nginx). */
  public Endpoint only(String role) {
    List<Endpoint> found = withRole(role);
    if (found.size() != 1) {
      throw new IllegalStateException(found.size() + " endpoints with role " + role);
    }
    return found.get(0);
  }

  /** The stack's public port: nginx's. */
  public Endpoint nginx() {
    return only("nginx");
  }

  /** The stack's replicas, management port second. */
  public List<Endpoint> replicas() {
    return withRole("replica");
  }

  /**
   * The first database line: the single server, or the first node of a cluster (data loaded through
   * it reaches every node).
   */
  public Endpoint database() {
    List<Endpoint> databases = withRole("database");
    if (databases.isEmpty()) {
      throw new IllegalStateException("no endpoint with role database");
    }
    return databases.get(0);
  }
}
