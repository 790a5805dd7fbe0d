package io.messageboard.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** GET and POST of one message, with the product's JSON, through {@link JdbcClient}. */
@RestController
@RequestMapping("/api/v1/messages")
public class MessageController {

  private static final DateTimeFormatter MILLIS_UTC =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final String REPLICA = "spring";

  /** The JSON the product answers with. */
  public record MessageJson(
      int id, String text, String replica, String createdAt, String updatedAt, long version) {}

  /** The body of a POST. */
  public record NewMessage(String text) {}

  private final JdbcClient jdbc;

  public MessageController(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/{id}")
  public ResponseEntity<MessageJson> get(@PathVariable int id) {
    return jdbc.sql(
            "SELECT clid, mess, sid, created_at, updated_at, version FROM messages WHERE clid = ?")
        .param(id)
        .query(
            (row, n) ->
                new MessageJson(
                    row.getInt(1),
                    row.getString(2),
                    row.getString(3),
                    MILLIS_UTC.format(row.getTimestamp(4).toInstant()),
                    MILLIS_UTC.format(row.getTimestamp(5).toInstant()),
                    row.getLong(6)))
        .optional()
        .map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  @PostMapping
  public ResponseEntity<MessageJson> post(@RequestBody NewMessage body) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO messages (mess, sid, created_at, updated_at, version)"
                + " VALUES (?, ?, ?, ?, 1)")
        .params(body.text(), REPLICA, Timestamp.from(now), Timestamp.from(now))
        .update(keys);
    String at = MILLIS_UTC.format(now);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new MessageJson(keys.getKey().intValue(), body.text(), REPLICA, at, at, 1));
  }
}
