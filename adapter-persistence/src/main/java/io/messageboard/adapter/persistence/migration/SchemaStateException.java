package io.messageboard.adapter.persistence.migration;

/**
 * A schema migration failed (now or on an earlier run) and Flyway will not go on: says which one,
 * what the {@code messages} table actually holds, and the statement that lets the next run
 * continue. Its message is meant for operators as it is, without a stack trace.
 */
public final class SchemaStateException extends RuntimeException {

  SchemaStateException(String version, String description, String when, SchemaState state) {
    super(explain(version, description, when, state));
  }

  private static String explain(
      String version, String description, String when, SchemaState state) {
    String history = SchemaMigrator.HISTORY_TABLE;
    String next =
        state.hasChangeOf(version)
            ? "its change is in place, so record it as applied: UPDATE %s SET success = 1 WHERE version = '%s';"
                .formatted(history, version)
            : "its change is not in place (MariaDB applies each of these single-statement migrations"
                + " whole or not at all), so remove the failed record and the next run of the"
                + " migrations runs it"
                + " again: DELETE FROM %s WHERE version = '%s' AND success = 0;"
                    .formatted(history, version);
    return ("Schema migration V%s (%s) failed %s and is recorded as failed in %s; the messages"
            + " table has: %s. To go on, as the migration user: %s then run the migrations again"
            + " (messageboard migrate; with the embedded database, start again).")
        .formatted(version, description, when, history, state.describe(), next);
  }
}
