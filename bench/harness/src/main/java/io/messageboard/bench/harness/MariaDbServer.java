package io.messageboard.bench.harness;

import io.messageboard.bench.settings.MariaDbConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * The benchmark's own MariaDB in the work folder, with the shared server settings: a database for
 * the measured programs, one for the export, and a user for both.
 */
final class MariaDbServer {

  static final String DATABASE = "bench";
  static final String EXPORT_DATABASE = "bench_export";
  static final String USER = "bench";

  private final MariaDbConfig config;
  private final MariaDbClient client;
  private final String password = newPassword();
  private Launched process;

  MariaDbServer(MariaDbConfig config) {
    this.config = config;
    this.client = new MariaDbClient(config.socket());
  }

  void start(Launcher launcher) throws IOException {
    Files.createDirectories(config.folder());
    Path cnf = config.folder().resolve("my.cnf");
    Files.writeString(cnf, config.render());
    String user = System.getProperty("user.name");
    Command.Result install =
        Command.run(
            new ProcessBuilder(
                "mariadb-install-db",
                "--defaults-file=" + cnf,
                "--user=" + user,
                "--auth-root-authentication-method=socket",
                "--auth-root-socket-user=" + user,
                "--skip-test-db"),
            null);
    if (install.status() != 0) {
      throw new IllegalStateException("mariadb-install-db failed:\n" + install.output());
    }
    process =
        launcher.start(
            "mariadb", new ProcessBuilder("mariadbd", "--defaults-file=" + cnf, "--user=" + user));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!client.answers()) {
      if (System.nanoTime() > deadline || !process.alive()) {
        throw new IllegalStateException(
            "MariaDB did not start (log: " + launcher.log("mariadb") + ")");
      }
      Pause.of(Duration.ofMillis(200));
    }
    client.execute(
        null,
        String.join(
            "\n",
            "CREATE DATABASE " + DATABASE + ";",
            "CREATE DATABASE " + EXPORT_DATABASE + ";",
            "CREATE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';",
            "GRANT ALL PRIVILEGES ON " + DATABASE + ".* TO '" + USER + "'@'127.0.0.1';",
            "GRANT ALL PRIVILEGES ON " + EXPORT_DATABASE + ".* TO '" + USER + "'@'127.0.0.1';"));
  }

  MariaDbClient client() {
    return client;
  }

  long pid() {
    return process.pid();
  }

  String password() {
    return password;
  }

  String jdbcUrl(String database) {
    return "jdbc:mariadb://127.0.0.1:" + config.port() + "/" + database;
  }

  private static String newPassword() {
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(random)
        .replace("-", "x")
        .replace("_", "y");
  }
}
