package io.messageboard.adapter.persistence.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Gives the embedded server's root a generated password kept in the data directory, and removes
 * other logins.
 */
final class RootCredentials {

  private static final int ACCESS_DENIED = 1045;

  private RootCredentials() {}

  /** The root password, set on first start; later starts read it back. */
  static String secure(Path passwordFile, String host, int port) {
    try {
      if (Files.exists(passwordFile)) {
        String stored = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        if (canLogIn(host, port, stored)) {
          return stored;
        }
      }
      String password = HexFormat.of().formatHex(randomBytes(24));
      writeOwnerOnly(passwordFile, password);
      try (Connection connection = connect(host, port, "")) {
        lockDown(connection, password);
      }
      return password;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot keep the embedded MariaDB's root password in " + passwordFile, e);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot secure the embedded MariaDB's root login", e);
    }
  }

  static void execute(String host, int port, String password, String sql) {
    try (Connection connection = connect(host, port, password);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Statement failed on the embedded MariaDB", e);
    }
  }

  private static boolean canLogIn(String host, int port, String password) throws SQLException {
    try {
      connect(host, port, password).close();
      return true;
    } catch (SQLException e) {
      if (e.getErrorCode() == ACCESS_DENIED) {
        return false;
      }
      throw e;
    }
  }

  // The password is generated hex, so it is safe inside the statement text (ALTER USER takes no
  // parameters).
  private static void lockDown(Connection connection, String password) throws SQLException {
    List<String> others = new ArrayList<>();
    try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT user, host FROM mysql.user WHERE user = '' OR (user = 'root' AND host NOT IN (?, ?, ?))");
        Statement statement = connection.createStatement()) {
      query.setString(1, "localhost");
      query.setString(2, "127.0.0.1");
      query.setString(3, "::1");
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          others.add(quoted(rows.getString(1)) + "@" + quoted(rows.getString(2)));
        }
      }
      for (String account : others) {
        statement.execute("DROP USER IF EXISTS " + account);
      }
      for (String host : List.of("localhost", "127.0.0.1", "::1")) {
        statement.execute(
            "ALTER USER IF EXISTS 'root'@'" + host + "' IDENTIFIED BY '" + password + "'");
      }
    }
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  private static String quoted(String identifier) {
    return "'" + identifier.replace("\\", "\\\\").replace("'", "''") + "'";
  }

  private static Connection connect(String host, int port, String password) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mariadb://%s:%d/".formatted(host, port), "root", password);
  }

  private static void writeOwnerOnly(Path file, String content) throws IOException {
    Files.deleteIfExists(file);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
