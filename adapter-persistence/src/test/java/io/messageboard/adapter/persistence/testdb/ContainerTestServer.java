package io.messageboard.adapter.persistence.testdb;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A {@code mariadb:11.4} container started with Testcontainers, for machines where a Docker engine
 * runs. {@code MESSAGEBOARD_TEST_MARIADB_IMAGE} names another image that behaves like it (the
 * stand-in built from Debian's packages where no registry is reachable).
 */
final class ContainerTestServer implements TestServer {

  static final String OFFICIAL_IMAGE = "mariadb:11.4";

  private final MariaDBContainer container;
  private final ExternalTestServer server;

  private ContainerTestServer(MariaDBContainer container) {
    this.container = container;
    this.server = new ExternalTestServer(container.getJdbcUrl(), "root", container.getPassword());
  }

  /**
   * Whether a Docker engine answers within a few seconds; false, never an exception, when there is
   * none.
   */
  static boolean dockerAnswers() {
    try {
      return CompletableFuture.supplyAsync(() -> DockerClientFactory.instance().isDockerAvailable())
          .get(15, TimeUnit.SECONDS);
    } catch (Exception | LinkageError noDocker) {
      return false;
    }
  }

  static ContainerTestServer start(String image) {
    MariaDBContainer container =
        new MariaDBContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("mariadb"))
            .withUsername("root")
            .withPassword("test");
    container.start();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(container::stop, "test-mariadb-container-stop"));
    return new ContainerTestServer(container);
  }

  @Override
  public TestDatabase createDatabase(String name) {
    return server.createDatabase(name);
  }

  @Override
  public String description() {
    return "Testcontainers "
        + container.getDockerImageName()
        + " ("
        + container.getContainerId()
        + ")";
  }
}
