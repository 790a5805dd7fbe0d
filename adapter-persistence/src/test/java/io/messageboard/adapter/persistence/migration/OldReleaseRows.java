package io.messageboard.adapter.persistence.migration;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.testdb.TestDatabase;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.StoredMessages;
import java.time.Instant;
import org.flywaydb.core.Flyway;

/** Databases at an earlier schema version, and what releases of that time wrote in them. */
final class OldReleaseRows {

  /** Message 1 as the releases before V7 recorded it, the JSON of the v1 API's 201 body. */
  static final Message MESSAGE_ONE =
      StoredMessages.restore(
          new MessageId(1),
          "hello",
          "r1",
          Instant.parse("2026-06-01T11:00:00.123Z"),
          Instant.parse("2026-06-01T11:00:00.123Z"),
          1);

  static final String BODY_OF_MESSAGE_ONE =
      "{\"id\":1,\"text\":\"hello\",\"replica\":\"r1\",\"createdAt\":\"2026-06-01T11:00:00.123Z\","
          + "\"updatedAt\":\"2026-06-01T11:00:00.123Z\",\"version\":1}";

  private OldReleaseRows() {}

  /** Applies the migrations up to and including {@code version}. */
  static void migrateUpTo(TestDatabase database, String version) {
    try (HikariDataSource pool = database.migrationPool()) {
      Flyway.configure()
          .dataSource(pool)
          .locations(SchemaMigrator.LOCATION)
          .table(SchemaMigrator.HISTORY_TABLE)
          .target(version)
          .load()
          .migrate();
    }
  }
}
