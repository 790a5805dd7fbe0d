package io.messageboard.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.messageboard.testing.Prerequisite;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stack's database users, logged in with their generated passwords: the app's user may only
 * read and write rows of its own schema, the exporter's user holds exactly what mysqld-exporter
 * needs.
 */
class LeastPrivilegeIT {

  private static final StackUnderTest STACK = StackUnderTest.fromSystemProperties();
  private static final String APP_USER = STACK.appDatabaseUser();
  private static final String EXPORTER_USER = "messageboard_exporter";

  // The compose stack keeps MariaDB on its internal network and says so
  // (database-from-test-host=false), so these checks run where the test host can reach it: the
  // local stack, with the same grants script.
  @BeforeAll
  static void databaseIsReachableFromTheTestHost() {
    assumeTrue(
        StackUnderTest.declares("database-from-test-host"),
        "the stack keeps its MariaDB off the test host's network");
    Prerequisite.require(
        answersTcp(STACK.databaseServer()),
        "the stack's MariaDB (" + STACK.databaseServer() + ") does not answer from the test host");
  }

  private static boolean answersTcp(String server) {
    int colon = server.lastIndexOf(':');
    String host = colon < 0 ? server : server.substring(0, colon);
    int port = colon < 0 ? 3306 : Integer.parseInt(server.substring(colon + 1));
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2_000);
      return true;
    } catch (IOException unreachable) {
      return false;
    }
  }

  @Test
  void theAppUserReadsItsSchema() throws SQLException {
    try (Connection app = connect(APP_USER, "app");
        Statement statement = app.createStatement();
        ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM messages")) {
      assertThat(count.next()).isTrue();
    }
  }

  // What a replica reads while it waits for the release step (messageboard migrate) to bring the
  // schema to its version; the step itself runs as the owner.
  @Test
  void theAppUserReadsTheSchemaVersionTheReleaseStepLeft() throws SQLException {
    try (Connection app = connect(APP_USER, "app");
        Statement statement = app.createStatement();
        ResultSet history =
            statement.executeQuery(
                "SELECT COUNT(*), MAX(installed_by) FROM flyway_schema_history WHERE success = 1")) {
      assertThat(history.next()).isTrue();
      assertThat(history.getInt(1)).isPositive();
      assertThat(history.getString(2)).as("who ran the migrations").doesNotStartWith(APP_USER);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DROP TABLE messages",
        "ALTER TABLE messages ADD COLUMN evil INT",
        "CREATE TABLE evil (id INT)",
        "TRUNCATE TABLE messages",
        "CREATE USER 'evil'@'%' IDENTIFIED BY 'evil'",
        "GRANT ALL PRIVILEGES ON *.* TO 'messageboard_app'@'127.0.0.1'",
        "SELECT user, password FROM mysql.user",
        "SELECT * FROM mysql.global_priv",
        "DROP DATABASE messageboard",
        "SET GLOBAL max_connections = 1"
      })
  void theAppUserIsRefused(String sql) throws SQLException {
    try (Connection app = connect(APP_USER, "app");
        Statement statement = app.createStatement()) {
      assertThatThrownBy(() -> statement.execute(sql))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("denied");
    }
  }

  @Test
  void theAppUserHoldsOnlyDmlOnItsOwnSchema() throws SQLException {
    assertThat(grantedPrivileges(APP_USER, "app"))
        .containsExactlyInAnyOrder(
            "USAGE ON *.*",
            "SELECT ON `messageboard`.*",
            "INSERT ON `messageboard`.*",
            "UPDATE ON `messageboard`.*",
            "DELETE ON `messageboard`.*");
  }

  @Test
  void theExporterUserHoldsOnlyProcessReplicationClientAndSelect() throws SQLException {
    // MariaDB 10.5+ shows REPLICATION CLIENT under its newer name, BINLOG MONITOR.
    Set<String> privileges =
        grantedPrivileges(EXPORTER_USER, "exporter").stream()
            .map(p -> p.replace("BINLOG MONITOR", "REPLICATION CLIENT"))
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(privileges)
        .containsExactlyInAnyOrder("PROCESS ON *.*", "REPLICATION CLIENT ON *.*", "SELECT ON *.*");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DELETE FROM messageboard.messages",
        "INSERT INTO messageboard.messages (clid, mess, sid) VALUES (2147480002, 'x', 'x')",
        "DROP TABLE messageboard.messages",
        "CREATE USER 'evil'@'%'"
      })
  void theExporterUserCannotChangeAnything(String sql) throws SQLException {
    try (Connection exporter = connect(EXPORTER_USER, "exporter");
        Statement statement = exporter.createStatement()) {
      assertThatThrownBy(() -> statement.execute(sql))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("denied");
    }
  }

  /** The user's own grants as "PRIVILEGE ON target" entries, one per privilege. */
  private static List<String> grantedPrivileges(String user, String role) throws SQLException {
    List<String> privileges = new ArrayList<>();
    try (Connection connection = connect(user, role);
        Statement statement = connection.createStatement();
        ResultSet grants = statement.executeQuery("SHOW GRANTS")) {
      while (grants.next()) {
        String grant = grants.getString(1);
        System.out.println(user + ": " + grant.replaceAll("PASSWORD '[^']*'", "PASSWORD '…'"));
        String body = grant.substring("GRANT ".length(), grant.indexOf(" TO "));
        String target = body.substring(body.lastIndexOf(" ON ") + 4);
        for (String privilege : body.substring(0, body.lastIndexOf(" ON ")).split(",", -1)) {
          privileges.add(privilege.strip() + " ON " + target);
        }
      }
    }
    return privileges;
  }

  private static Connection connect(String user, String role) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mariadb://" + STACK.databaseServer() + "/messageboard",
        user,
        STACK.databasePassword(role));
  }
}
