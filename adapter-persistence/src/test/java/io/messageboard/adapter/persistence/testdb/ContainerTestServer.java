package io.messageboard.adapter.persistence.testdb;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mariadb.MariaDBContainer;

/**
 * A {@code mariadb:11.4} container started with Testcontainers, for machines where a Docker engine
 * runs.
 */
final class ContainerTestServer implements TestServer {

  static final String IMAGE = "mariadb:11.4";

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

  static ContainerTestServer start() {
    MariaDBContainer container =
        new MariaDBContainer(IMAGE).withUsername("root").withPassword("test");
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
    return "Testcontainers " + IMAGE + " (" + container.getContainerId() + ")";
  }
}
