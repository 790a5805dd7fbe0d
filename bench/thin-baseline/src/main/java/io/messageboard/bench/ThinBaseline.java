package io.messageboard.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The smallest service that answers the product's GET and POST of one message with the same JSON:
 * Javalin, HikariCP and plain JDBC, no layers, no metrics, no logging.
 */
public final class ThinBaseline {

  private static final String COLUMNS = "clid, mess, sid, created_at, updated_at, version";
  private static final DateTimeFormatter MILLIS_UTC =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final String REPLICA = "thin";

  /** The JSON the product answers with. */
  record MessageJson(
      int id, String text, String replica, String createdAt, String updatedAt, long version) {}

  /** The body of a POST. */
  record NewMessage(String text) {}

  private final HikariDataSource pool;

  private ThinBaseline(HikariDataSource pool) {
    this.pool = pool;
  }

  public static void main(String[] args) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(System.getenv("BENCH_DB_URL"));
    config.setUsername(System.getenv("BENCH_DB_USER"));
    config.setPassword(System.getenv("BENCH_DB_PASSWORD"));
    int poolSize = Integer.parseInt(System.getenv("BENCH_POOL_SIZE"));
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(poolSize);
    ThinBaseline service = new ThinBaseline(new HikariDataSource(config));
    ObjectMapper json = JsonMapper.builder().build();
    Javalin.create(
            javalin -> {
              javalin.startup.showJavalinBanner = false;
              javalin.jsonMapper(new JavalinJackson(json, false));
              javalin.routes.get("/api/v1/messages/{id}", service::get);
              javalin.routes.post("/api/v1/messages", service::post);
            })
        .start("127.0.0.1", Integer.parseInt(System.getenv("BENCH_HTTP_PORT")));
  }

  private void get(Context ctx) throws SQLException {
    int id = Integer.parseInt(ctx.pathParam("id"));
    try (Connection connection = pool.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT " + COLUMNS + " FROM messages WHERE clid = ?")) {
      select.setInt(1, id);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          ctx.status(404).json(Map.of("title", "Not Found"));
          return;
        }
        ctx.json(
            new MessageJson(
                row.getInt(1),
                row.getString(2),
                row.getString(3),
                MILLIS_UTC.format(row.getTimestamp(4).toInstant()),
                MILLIS_UTC.format(row.getTimestamp(5).toInstant()),
                row.getLong(6)));
      }
    }
  }

  private void post(Context ctx) throws SQLException {
    NewMessage body = ctx.bodyAsClass(NewMessage.class);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    try (Connection connection = pool.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO messages (mess, sid, created_at, updated_at, version)"
                    + " VALUES (?, ?, ?, ?, 1)",
                Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, body.text());
      insert.setString(2, REPLICA);
      insert.setTimestamp(3, Timestamp.from(now));
      insert.setTimestamp(4, Timestamp.from(now));
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        String at = MILLIS_UTC.format(now);
        ctx.status(201).json(new MessageJson(keys.getInt(1), body.text(), REPLICA, at, at, 1));
      }
    }
  }
}
