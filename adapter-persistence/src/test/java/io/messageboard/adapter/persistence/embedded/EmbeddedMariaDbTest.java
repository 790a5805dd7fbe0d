package io.messageboard.adapter.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server keeps its data across restarts, even in a directory under java.io.tmpdir, and
 * finds another port when its first one is taken.
 */
class EmbeddedMariaDbTest {

  @TempDir Path dataDirectory;

  @Test
  void keepsDataAcrossRestartsOnTheSameDirectory() throws SQLException {
    String firstPassword;
    try (EmbeddedMariaDb first = EmbeddedMariaDb.start(dataDirectory)) {
      first.createDatabase("kept");
      firstPassword = first.password();
      try (Connection connection =
              DriverManager.getConnection(first.jdbcUrl("kept"), first.user(), first.password());
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE notes (id INT PRIMARY KEY, body TEXT)");
        statement.execute("INSERT INTO notes VALUES (1, 'still here')");
      }
    }

    try (EmbeddedMariaDb second = EmbeddedMariaDb.start(dataDirectory);
        Connection connection =
            DriverManager.getConnection(second.jdbcUrl("kept"), second.user(), second.password());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT body FROM notes WHERE id = 1")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("still here");
      assertThat(second.password()).isEqualTo(firstPassword);
    }
  }

  @Test
  void refusesRootWithoutThePasswordAndKeepsThePasswordOwnerReadable() throws Exception {
    try (EmbeddedMariaDb server = EmbeddedMariaDb.start(dataDirectory)) {
      Path passwordFile = dataDirectory.resolve("mariadb-root-password");

      assertThat(Files.readString(passwordFile).strip()).isEqualTo(server.password());
      assertThat(Files.getPosixFilePermissions(passwordFile))
          .extracting(Object::toString)
          .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
      assertThat(canLogIn(server, "")).isFalse();
      assertThat(canLogIn(server, server.password())).isTrue();
    }
  }

  @Test
  void retriesOnAnotherPortWhenTheChosenOneIsTakenBeforeTheServerBindsIt() throws Exception {
    try (ServerSocket squatter = new ServerSocket(0, 1, loopback())) {
      Deque<Integer> ports = new ArrayDeque<>(List.of(squatter.getLocalPort(), freePort()));

      try (EmbeddedMariaDb server = EmbeddedMariaDb.start(dataDirectory, ports::pop)) {
        assertThat(server.port()).isNotEqualTo(squatter.getLocalPort());
        assertThat(canLogIn(server, server.password())).isTrue();
      }
      assertThat(ports).isEmpty();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
      return socket.getLocalPort();
    }
  }

  private static InetAddress loopback() throws UnknownHostException {
    return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
  }

  private static boolean canLogIn(EmbeddedMariaDb server, String password) {
    try {
      DriverManager.getConnection(server.jdbcUrl("mysql"), server.user(), password).close();
      return true;
    } catch (SQLException denied) {
      return false;
    }
  }
}
