package io.messageboard.adapter.persistence.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which migrations' changes the {@code messages} table actually has, read from {@code
 * information_schema} (not from the migration history, which may record a failure).
 */
record SchemaState(Map<String, Boolean> changeInPlaceByVersion) {

  /** The change each migration makes, as the report names it. */
  static final Map<String, String> CHANGES =
      Map.of(
          "1", "table messages",
          "2", "utf8mb4 with a binary collation",
          "3", "columns created_at, updated_at and version",
          "4", "AUTO_INCREMENT on clid",
          "5", "table idempotency_keys",
          "6", "column client_scope on idempotency_keys",
          "7", "columns message_* on idempotency_keys");

  static SchemaState of(Connection connection) throws SQLException {
    Map<String, Boolean> inPlace = new LinkedHashMap<>();
    boolean table = hasTable(connection, "messages");
    inPlace.put("1", table);
    inPlace.put(
        "2",
        table
            && "utf8mb4_bin"
                .equals(
                    single(
                        connection,
                        "SELECT table_collation FROM information_schema.tables"
                            + " WHERE table_schema = DATABASE() AND table_name = 'messages'")));
    inPlace.put(
        "3",
        table
            && "3"
                .equals(
                    single(
                        connection,
                        "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema ="
                            + " DATABASE() AND table_name = 'messages' AND column_name IN"
                            + " ('created_at', 'updated_at', 'version')")));
    String clidExtra =
        single(
            connection,
            "SELECT extra FROM information_schema.columns WHERE table_schema = DATABASE()"
                + " AND table_name = 'messages' AND column_name = 'clid'");
    inPlace.put("4", clidExtra != null && clidExtra.contains("auto_increment"));
    inPlace.put("5", hasTable(connection, "idempotency_keys"));
    inPlace.put(
        "6",
        "1"
            .equals(
                single(
                    connection,
                    "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema ="
                        + " DATABASE() AND table_name = 'idempotency_keys' AND column_name ="
                        + " 'client_scope'")));
    inPlace.put(
        "7",
        "6"
            .equals(
                single(
                    connection,
                    "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema ="
                        + " DATABASE() AND table_name = 'idempotency_keys' AND column_name LIKE"
                        + " 'message\\_%'")));
    return new SchemaState(inPlace);
  }

  /**
   * Whether the change of migration {@code version} is in the table; false for unknown versions.
   */
  boolean hasChangeOf(String version) {
    return changeInPlaceByVersion.getOrDefault(version, false);
  }

  /** For example "V1 table messages: yes; V2 utf8mb4 with a binary collation: yes; …". */
  String describe() {
    StringBuilder text = new StringBuilder();
    changeInPlaceByVersion.forEach(
        (version, inPlace) ->
            text.append(text.isEmpty() ? "" : "; ")
                .append('V')
                .append(version)
                .append(' ')
                .append(CHANGES.get(version))
                .append(": ")
                .append(inPlace ? "yes" : "no"));
    return text.toString();
  }

  static boolean hasTable(Connection connection, String name) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    try (ResultSet tables =
        metaData.getTables(connection.getCatalog(), null, name, new String[] {"TABLE"})) {
      return tables.next();
    }
  }

  private static @Nullable String single(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      return rows.next() ? rows.getString(1) : null;
    }
  }
}
