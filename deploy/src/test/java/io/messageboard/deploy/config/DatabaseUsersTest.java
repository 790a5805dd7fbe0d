package io.messageboard.deploy.config;

import static io.messageboard.deploy.config.ExternalTool.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/runtime/mariadb/users.sql, fed by users-sql as the local stack and compose feed it, on a
 * real MariaDB server: the users exist with exactly their grants, and passwords holding quotes,
 * backslashes and SQL are data, never SQL.
 */
class DatabaseUsersTest {

  private static final Map<String, String> PASSWORDS =
      Map.of(
          "owner", "it's the owner's $HOME ${USER} $(id) café – ünïcödé",
          "app", "back\\slash\\' OR 1=1; DROP DATABASE messageboard; -- ",
          "exporter", "\"double\" `tick` \\\\ '' %_ end\\",
          "backup", "'); GRANT ALL ON *.* TO 'x'; -- \\");

  @TempDir static Path folder;
  private static Process server;
  private static int port;

  @BeforeAll
  static void startServer() throws Exception {
    ExternalTool.require("mariadbd");
    ExternalTool.require("mariadb-install-db");
    String user = System.getProperty("user.name");
    ExternalTool.run(
        folder,
        "mariadb-install-db",
        "--no-defaults",
        "--datadir=" + folder.resolve("data"),
        "--user=" + user,
        "--auth-root-authentication-method=socket",
        "--auth-root-socket-user=" + user,
        "--skip-test-db");
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    server =
        new ProcessBuilder(
                "mariadbd",
                "--no-defaults",
                "--datadir=" + folder.resolve("data"),
                "--socket=" + folder.resolve("mariadb.sock"),
                "--pid-file=" + folder.resolve("mariadb.pid"),
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--user=" + user)
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("mariadb.log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(folder.resolve("mariadb.sock"))) {
      assertThat(System.nanoTime()).as("MariaDB started (%s)", folder).isLessThan(deadline);
      assertThat(server.isAlive()).as(Files.readString(folder.resolve("mariadb.log"))).isTrue();
      Thread.sleep(200);
    }
    for (Map.Entry<String, String> password : PASSWORDS.entrySet()) {
      Files.writeString(folder.resolve(password.getKey() + ".password"), password.getValue());
    }
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.destroy();
      server.waitFor(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void everyUserLogsInWithItsPasswordHoweverItIsWrittenAndHasExactlyItsGrants() throws Exception {
    applyUsers();
    applyUsers(); // again, as every up of the local stack does

    try (Connection app = connect("messageboard_app", PASSWORDS.get("app"));
        Statement statement = app.createStatement()) {
      assertThat(strings(statement.executeQuery("SHOW GRANTS FOR CURRENT_USER")))
          .hasSize(2)
          .anySatisfy(
              grant ->
                  assertThat(grant)
                      .startsWith("GRANT USAGE ON *.* TO `messageboard_app`@`127.0.0.1`"))
          .contains(
              "GRANT SELECT, INSERT, UPDATE, DELETE ON `messageboard`.* TO `messageboard_app`@`127.0.0.1`");
      assertThat(strings(statement.executeQuery("SHOW DATABASES"))).contains("messageboard");
    }
    try (Connection owner = connect("messageboard_owner", PASSWORDS.get("owner"));
        Statement statement = owner.createStatement()) {
      assertThat(strings(statement.executeQuery("SHOW GRANTS FOR CURRENT_USER")))
          .contains("GRANT ALL PRIVILEGES ON `messageboard`.* TO `messageboard_owner`@`127.0.0.1`");
    }
    try (Connection exporter = connect("messageboard_exporter", PASSWORDS.get("exporter"));
        Statement statement = exporter.createStatement()) {
      assertThat(strings(statement.executeQuery("SHOW GRANTS FOR CURRENT_USER")))
          .anySatisfy(
              grant ->
                  assertThat(grant)
                      .startsWith("GRANT SELECT, PROCESS, ")
                      .contains("ON *.* TO `messageboard_exporter`@`127.0.0.1`")
                      .endsWith("WITH MAX_USER_CONNECTIONS 3"));
    }
    // The check can fail: a wrong password is refused.
    assertThatThrownBy(() -> connect("messageboard_app", "it's the owner's").close())
        .isInstanceOf(SQLException.class);
  }

  @Test
  void givenABackupPasswordTheBackupUserMayBackUpAndStreamTheBinaryLogButReadNoRow()
      throws Exception {
    applyUsers("backup.password");

    try (Connection backup =
            DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + port + "/",
                "messageboard_backup",
                PASSWORDS.get("backup"));
        Statement statement = backup.createStatement()) {
      assertThat(strings(statement.executeQuery("SHOW GRANTS FOR CURRENT_USER")))
          .singleElement()
          .satisfies(
              grant ->
                  assertThat(grant)
                      .startsWith(
                          "GRANT RELOAD, PROCESS, LOCK TABLES, REPLICATION SLAVE, BINLOG MONITOR"
                              + " ON *.* TO `messageboard_backup`@`127.0.0.1`")
                      .endsWith("WITH MAX_USER_CONNECTIONS 10"));
      assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM mysql.user"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("denied");
    }
  }

  @Test
  void anEmptyPasswordFileIsRefusedBeforeAnySqlRuns() throws Exception {
    Path empty = Files.writeString(folder.resolve("empty.password"), "");
    Process process =
        new ProcessBuilder(
                "sh",
                DEPLOY.resolve("runtime/mariadb/users-sql").toString(),
                "127.0.0.1",
                folder.resolve("owner.password").toString(),
                empty.toString(),
                folder.resolve("exporter.password").toString())
            .redirectErrorStream(true)
            .start();
    String output =
        new String(
            process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

    assertThat(process.waitFor()).isNotZero();
    assertThat(output).contains("empty.password is empty").doesNotContain("CREATE USER");
  }

  /**
   * users-sql piped into the server as root, with the password files named after the usual four.
   */
  private static void applyUsers(String... more) throws Exception {
    String users = DEPLOY.resolve("runtime/mariadb/users-sql").toString();
    ExternalTool.run(
        folder,
        "bash",
        "-c",
        "set -eo pipefail; sh \"$0\" 127.0.0.1 owner.password app.password exporter.password "
            + String.join(" ", more)
            + " | mariadb --no-defaults --socket=mariadb.sock -uroot --batch",
        users);
  }

  private static Connection connect(String user, String password) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mariadb://127.0.0.1:" + port + "/messageboard", user, password);
  }

  private static List<String> strings(ResultSet rows) throws SQLException {
    List<String> values = new ArrayList<>();
    while (rows.next()) {
      values.add(rows.getString(1));
    }
    return values;
  }
}
