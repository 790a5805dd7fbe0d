package io.messageboard.adapter.persistence.embedded;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * An embedded MariaDB that a test stops and starts again, on the same data and port, to stage a
 * database outage; production code never restarts its server.
 */
public final class StoppableMariaDb implements AutoCloseable {

  private final Path dataDirectory;
  private final int port;
  private final String password;
  private @Nullable EmbeddedMariaDb running;

  private StoppableMariaDb(Path dataDirectory, EmbeddedMariaDb server) {
    this.dataDirectory = dataDirectory;
    this.port = server.port();
    this.password = server.password();
    this.running = server;
  }

  /** Starts a server on the data in {@code dataDirectory}, as {@link EmbeddedMariaDb#start}. */
  public static StoppableMariaDb start(Path dataDirectory) {
    return new StoppableMariaDb(dataDirectory, EmbeddedMariaDb.start(dataDirectory));
  }

  /** Stops the server, keeping its data. */
  public synchronized void stop() {
    if (running != null) {
      running.close();
      running = null;
    }
  }

  /** Starts a stopped server again on the same data and port, so clients' URLs stay valid. */
  public synchronized void restart() {
    if (running == null) {
      running = EmbeddedMariaDb.start(dataDirectory, () -> port);
    }
  }

  /** Creates {@code database} on the running server. */
  public synchronized void createDatabase(String database) {
    if (running == null) {
      throw new IllegalStateException("The server is stopped");
    }
    running.createDatabase(database);
  }

  /** JDBC URL of {@code database}; the same whether the server runs or not. */
  public String jdbcUrl(String database) {
    return "jdbc:mariadb://127.0.0.1:%d/%s".formatted(port, database);
  }

  public String user() {
    return "root";
  }

  /** The root password, which a restart on the same data keeps. */
  public String password() {
    return password;
  }

  @Override
  public void close() {
    stop();
  }
}
