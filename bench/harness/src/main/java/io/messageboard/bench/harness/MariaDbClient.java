package io.messageboard.bench.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** SQL through the mariadb client over a server's socket, as its root (socket authentication). */
record MariaDbClient(Path socket) {

  /** The messages 1..COUNT in the product's (migrated) schema; existing ids are kept. */
  static String insertMessages(int count) {
    return insertMessages(1, count);
  }

  /** The messages FIRST..LAST, in one statement (one transaction); existing ids are kept. */
  static String insertMessages(int first, int last) {
    return "INSERT IGNORE INTO messages (clid, mess, sid, created_at, updated_at, version)\n"
        + "  SELECT seq, CONCAT('benchmark message number ', seq), 'bench', UTC_TIMESTAMP(3),"
        + " UTC_TIMESTAMP(3), 1\n"
        + "  FROM seq_"
        + first
        + "_to_"
        + last
        + ";\n";
  }

  void loadMessages(String database, int count) {
    execute(database, insertMessages(count));
  }

  /** Runs STATEMENTS in DATABASE (none when null); fails with the client's message. */
  String execute(String database, String statements) {
    Command.Result result = Command.run(command(database), statements);
    if (result.status() != 0) {
      throw new IllegalStateException("SQL failed: " + result.output() + "\n" + statements);
    }
    return result.output();
  }

  boolean answers() {
    return Command.run(command(null), "SELECT 1;").status() == 0;
  }

  private ProcessBuilder command(String database) {
    List<String> command =
        new ArrayList<>(List.of("mariadb", "--socket=" + socket, "--batch", "--skip-column-names"));
    if (database != null) {
      command.add(database);
    }
    return new ProcessBuilder(command);
  }
}
