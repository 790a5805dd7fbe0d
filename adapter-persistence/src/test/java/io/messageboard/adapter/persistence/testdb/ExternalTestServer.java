package io.messageboard.adapter.persistence.testdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The server named by {@code MESSAGEBOARD_TEST_DB_URL}; its user must be allowed to create
 * databases.
 */
final class ExternalTestServer implements TestServer {

  private final String serverUrl;
  private final String query;
  private final String user;
  private final String password;

  ExternalTestServer(String url, String user, String password) {
    String normalized =
        url.startsWith("jdbc:mysql:")
            ? "jdbc:mariadb:" + url.substring("jdbc:mysql:".length())
            : url;
    int pathStart = normalized.indexOf('/', "jdbc:mariadb://".length());
    int queryStart = normalized.indexOf('?');
    this.serverUrl =
        pathStart < 0
            ? (queryStart < 0 ? normalized : normalized.substring(0, queryStart)) + "/"
            : normalized.substring(0, pathStart + 1);
    this.query = queryStart < 0 ? "" : normalized.substring(queryStart);
    this.user = user;
    this.password = password;
  }

  @Override
  public TestDatabase createDatabase(String name) {
    try (Connection connection = DriverManager.getConnection(serverUrl + query, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot create test database " + name + " on " + serverUrl, e);
    }
    return new TestDatabase(serverUrl + name + query, user, password);
  }

  @Override
  public String description() {
    return "MariaDB at " + serverUrl + " (MESSAGEBOARD_TEST_DB_URL)";
  }
}
