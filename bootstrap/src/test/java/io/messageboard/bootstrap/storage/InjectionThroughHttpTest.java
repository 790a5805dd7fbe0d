package io.messageboard.bootstrap.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.adapter.persistence.testdb.TestDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabases;
import io.messageboard.bootstrap.Application;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Texts and ids that broke the original system (it built SQL from strings), sent through both APIs
 * to the service on a real MariaDB: texts are stored byte for byte, ids that are not numbers are
 * refused with a 4xx, and the messages table keeps its columns and every row it had.
 */
class InjectionThroughHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger NEXT_ID = new AtomicInteger(1_000);

  private static TestDatabase database;
  private static Application application;
  private static ApiClient http;

  private List<String> columnsBefore;
  private List<List<String>> rowsBefore;

  @BeforeAll
  static void startOnRealMariaDb() {
    database = TestDatabases.fresh(InjectionThroughHttpTest.class);
    application =
        ReleasedApplication.start(
            MariaDbSettings.external(database.jdbcUrl(), database.user(), database.password()));
    http = new ApiClient("http://127.0.0.1:" + application.httpPort());
    assertThat(http.post("/api/v1/messages", "{\"id\": 1, \"text\": \"keep me\"}").status())
        .isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    application.stop();
  }

  @BeforeEach
  void recordTheTable() {
    columnsBefore = columns();
    rowsBefore = rows();
  }

  @AfterEach
  void theTableKeepsItsColumnsAndRows() {
    assertThat(columns()).as("columns of messages").isEqualTo(columnsBefore);
    assertThat(rows()).as("rows of messages").containsAll(rowsBefore);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "'",
        "\"",
        "''",
        "'); DROP TABLE messages; --",
        "x'); DELETE FROM messages WHERE ('1'='1",
        "1 OR 1=1",
        "' OR '1'='1",
        "/* comment */ SELECT * FROM mysql.user",
        "text /*! DROP TABLE messages */",
        "-- ",
        "text -- trailing comment",
        "# hash comment",
        "\\",
        "\\'; DROP TABLE messages; --",
        "C:\\new\\table\\0",
        "\u2018quoted\u2019 \u201cdouble\u201d \uff07full width\uff07 \u02bcmodifier",
        "%_%",
        "; SHUTDOWN; --",
        "\u202eRTL override \ud83d\ude00"
      })
  void aHostileTextIsStoredAndReturnedByteForByteOnBothApis(String text) throws Exception {
    int v1Id = NEXT_ID.incrementAndGet();
    ApiResponse created = http.post("/api/v1/messages", body("id", v1Id, "text", text));
    assertThat(created.status()).isEqualTo(201);
    assertThat(http.get("/api/v1/messages/" + v1Id).json().path("text").asText()).isEqualTo(text);
    assertThat(storedText(v1Id)).isEqualTo(text);

    int legacyId = NEXT_ID.incrementAndGet();
    assertThat(http.post("/data", body("clid", legacyId, "mess", text)).status())
        .isBetween(200, 201);
    assertThat(http.get("/data/" + legacyId).json().get(0).get(1).asText()).isEqualTo(text);

    String edited = text + " (edited)";
    assertThat(http.put("/data/" + legacyId, body(null, 0, "mess", edited)).status())
        .isEqualTo(200);
    assertThat(storedText(legacyId)).isEqualTo(edited);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b", "\u0000", "'\u0000'); DROP TABLE messages; --"})
  void aTextWithNulIsRefusedAndNothingIsStored(String text) {
    int id = NEXT_ID.incrementAndGet();
    assertThat(http.post("/api/v1/messages", body("id", id, "text", text)).status()).isEqualTo(422);
    assertThat(http.post("/data", body("clid", id, "mess", text)).status()).isEqualTo(400);
    assertThat(http.put("/api/v1/messages/1", body(null, 0, "text", text)).status()).isEqualTo(422);
    assertThat(storedText(id)).isNull();
    assertThat(storedText(1)).isEqualTo("keep me");
  }

  // An encoded NUL in a path is refused by Jetty before routing (RawRequestErrorsTest).
  @ParameterizedTest
  @ValueSource(
      strings = {
        "1 OR 1=1",
        "1' OR '1'='1",
        "1; DROP TABLE messages",
        "1); DROP TABLE messages; --",
        "1/**/OR/**/1=1",
        "1--",
        "1 -- ",
        "1#",
        "0x01",
        "1\\",
        "\uff11",
        "1e0"
      })
  void anIdThatIsNotANumberIsRefusedOnEveryRouteAndChangesNothing(String id) {
    String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    for (String path : List.of("/api/v1/messages/" + encoded, "/data/" + encoded)) {
      assertThat(http.get(path).status()).as("GET " + path).isEqualTo(400);
      assertThat(http.delete(path).status()).as("DELETE " + path).isEqualTo(400);
    }
    assertThat(http.put("/api/v1/messages/" + encoded, body(null, 0, "text", "x")).status())
        .isEqualTo(400);
    assertThat(http.put("/data/" + encoded, body(null, 0, "mess", "x")).status()).isEqualTo(400);
    String quotedId = JSON.valueToTree(id).toString();
    assertThat(
            http.post("/api/v1/messages", "{\"id\": " + quotedId + ", \"text\": \"x\"}").status())
        .isEqualTo(400);
    assertThat(http.post("/data", "{\"clid\": " + quotedId + ", \"mess\": \"x\"}").status())
        .isEqualTo(400);
    assertThat(storedText(1)).isEqualTo("keep me");
  }

  private static String body(@Nullable String idField, int id, String textField, String text) {
    var object = JsonNodeFactory.instance.objectNode();
    if (idField != null) {
      object.put(idField, id);
    }
    object.put(textField, text);
    return object.toString();
  }

  private static @Nullable String storedText(int id) {
    try (Connection connection = connect();
        PreparedStatement query =
            connection.prepareStatement("SELECT mess FROM messages WHERE clid = ?")) {
      query.setInt(1, id);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> columns() {
    return query(
            "SELECT CONCAT(column_name, ' ', column_type) FROM information_schema.columns"
                + " WHERE table_schema = DATABASE() AND table_name = 'messages'"
                + " ORDER BY ordinal_position")
        .stream()
        .map(row -> row.get(0))
        .toList();
  }

  private static List<List<String>> rows() {
    return query("SELECT clid, mess, sid FROM messages ORDER BY clid");
  }

  private static List<List<String>> query(String sql) {
    try (Connection connection = connect();
        PreparedStatement query = connection.prepareStatement(sql);
        ResultSet result = query.executeQuery()) {
      List<List<String>> rows = new ArrayList<>();
      int width = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
          row.add(result.getString(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
  }
}
