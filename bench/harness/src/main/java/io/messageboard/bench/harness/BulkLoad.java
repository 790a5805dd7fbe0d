package io.messageboard.bench.harness;

import java.util.Locale;

/**
 * Fills an empty, migrated messages table with the messages 1..N, the rows the full run's 10,000
 * have, generated inside the server by the sequence engine: a million rows a transaction, without
 * the binary log for the loading session only (nothing reads it here, and it would double the
 * writing), then the message_ids sequence moved past them so that posts get fresh ids at once. The
 * loaded messages have no change-feed history: nothing measured reads it.
 */
final class BulkLoad {

  static final int ROWS_PER_TRANSACTION = 1_000_000;

  /** How the load goes, for the report. */
  static final String DESCRIPTION =
      "INSERT … SELECT from the sequence engine, "
          + String.format(Locale.ROOT, "%,d", ROWS_PER_TRANSACTION)
          + " rows a transaction, binary log off for the loading session only; the server's"
          + " settings (deploy/runtime/mariadb/server.cnf) are not changed";

  private BulkLoad() {}

  static String statements(int messages) {
    StringBuilder sql = new StringBuilder("SET SESSION sql_log_bin = 0;\n");
    for (long first = 1; first <= messages; first += ROWS_PER_TRANSACTION) {
      long last = Math.min(first + ROWS_PER_TRANSACTION - 1, messages);
      sql.append(MariaDbClient.insertMessages((int) first, (int) last));
    }
    // SETVAL takes literals only; MESSAGES is a number of the harness's.
    return sql.append("SELECT SETVAL(message_ids, ").append(messages).append(");\n").toString();
  }

  /** Loads MESSAGES into SCHEMA; the seconds it took. */
  static double load(MariaDbClient client, String schema, int messages) {
    long start = System.nanoTime();
    client.execute(schema, statements(messages));
    return (System.nanoTime() - start) / 1e9;
  }
}
