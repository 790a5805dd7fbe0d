package io.messageboard.bootstrap.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.adapter.persistence.testdb.OriginalSystemDatabase;
import io.messageboard.adapter.persistence.testdb.OriginalSystemDatabase.Row;
import io.messageboard.adapter.persistence.testdb.TestDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabases;
import io.messageboard.bootstrap.Application;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The service started on a real MariaDB that the original system filled (its demo rows and rows its
 * API accepted that today's rules refuse, written with plain SQL): the release step adopts it, the
 * service starts, lists every row as stored on both APIs, and each row can be read, edited and
 * deleted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LegacyDatabaseAdoptionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Application application;
  private static ApiClient http;

  @BeforeAll
  static void startOnADatabaseTheOriginalSystemFilled() {
    TestDatabase database = TestDatabases.fresh(LegacyDatabaseAdoptionTest.class);
    OriginalSystemDatabase.build(database);
    application =
        ReleasedApplication.start(
            MariaDbSettings.external(database.jdbcUrl(), database.user(), database.password()));
    http = new ApiClient("http://127.0.0.1:" + application.httpPort());
  }

  @AfterAll
  static void stop() {
    application.stop();
  }

  @Test
  @Order(1)
  void theLegacyListShowsEveryRowExactlyAsStored() {
    ApiResponse all = http.get("/data");

    assertThat(all.status()).isEqualTo(200);
    assertThat(all.json()).isEqualTo(legacyRows(OriginalSystemDatabase.ROWS));
  }

  @Test
  @Order(1)
  void v1PagesListEveryRowExactlyAsStoredFromTheLowestId() {
    List<Row> listed = new ArrayList<>();
    String next = "/api/v1/messages?limit=4";
    while (next != null) {
      ApiResponse page = http.get(next);
      assertThat(page.status()).as(next).isEqualTo(200);
      page.json()
          .path("items")
          .forEach(
              item ->
                  listed.add(
                      new Row(
                          item.path("id").intValue(),
                          item.path("text").textValue(),
                          item.path("replica").textValue())));
      next = page.json().path("next").isNull() ? null : page.json().path("next").asText();
    }

    assertThat(listed).containsExactlyElementsOf(OriginalSystemDatabase.ROWS);
  }

  @Test
  @Order(1)
  void eachRowIsReadableByItsIdOnBothApis() {
    for (Row row : OriginalSystemDatabase.ROWS) {
      ApiResponse legacy = http.get("/data/" + row.clid());
      ApiResponse v1 = http.get("/api/v1/messages/" + row.clid());

      assertThat(legacy.status()).as("GET /data/%d", row.clid()).isEqualTo(200);
      assertThat(legacy.json()).isEqualTo(legacyRows(List.of(row)));
      assertThat(v1.status()).as("GET /api/v1/messages/%d", row.clid()).isEqualTo(200);
      assertThat(v1.json().path("text").textValue()).isEqualTo(row.mess());
      assertThat(v1.json().path("replica").textValue()).isEqualTo(row.sid());
    }
  }

  @Test
  @Order(2)
  void editingARowThatBreaksTodaysRulesStillNeedsAValidNewText() {
    ApiResponse refused = http.put("/data/10", "{\"mess\": \"\"}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(http.get("/data/10").json()).isEqualTo(legacyRows(List.of(row(10))));
  }

  @Test
  @Order(3)
  void eachRowCanBeEditedAndDeletedThroughEitherApi() {
    List<Row> rows = OriginalSystemDatabase.ROWS;
    for (int i = 0; i < rows.size(); i++) {
      int id = rows.get(i).clid();
      boolean legacy = i % 2 == 0;
      ApiResponse edited =
          legacy
              ? http.put("/data/" + id, "{\"mess\": \"edited " + id + "\"}")
              : http.put("/api/v1/messages/" + id, "{\"text\": \"edited " + id + "\"}", "\"1\"");
      assertThat(edited.status()).as("edit %d", id).isEqualTo(200);
      assertThat(http.get("/api/v1/messages/" + id).json().path("text").textValue())
          .isEqualTo("edited " + id);

      ApiResponse deleted =
          legacy ? http.delete("/data/" + id) : http.delete("/api/v1/messages/" + id, "\"2\"");
      assertThat(deleted.status()).as("delete %d", id).isIn(200, 204);
      assertThat(http.get("/data/" + id).status()).as("read %d after delete", id).isEqualTo(404);
    }
    assertThat(http.get("/data").text()).isEqualTo("[]");
  }

  private static Row row(int clid) {
    return OriginalSystemDatabase.ROWS.stream()
        .filter(row -> row.clid() == clid)
        .findFirst()
        .orElseThrow();
  }

  private static JsonNode legacyRows(List<Row> rows) {
    return JSON.valueToTree(
        rows.stream().map(row -> List.<Object>of(row.clid(), row.mess(), row.sid())).toList());
  }
}
