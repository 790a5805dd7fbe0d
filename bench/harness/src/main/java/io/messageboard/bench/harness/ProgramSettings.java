package io.messageboard.bench.harness;

import java.util.Map;

/**
 * The environment settings of the measured programs: the product's MESSAGEBOARD_* and the
 * references' BENCH_* (the same database, user, pool size and rows).
 */
record ProgramSettings(MariaDbServer database, int poolSize, int rows) {

  /** The product's default pool: 2 x cores; the references get the same. */
  static int defaultPoolSize() {
    return 2 * Runtime.getRuntime().availableProcessors();
  }

  Map<String, String> product(String schema, int httpPort, int managementPort, String replica) {
    return Map.of(
        "MESSAGEBOARD_DB_URL", database.jdbcUrl(schema),
        "MESSAGEBOARD_DB_USER", MariaDbServer.USER,
        "MESSAGEBOARD_DB_PASSWORD", database.password(),
        "MESSAGEBOARD_HTTP_PORT", Integer.toString(httpPort),
        "MESSAGEBOARD_MANAGEMENT_PORT", Integer.toString(managementPort),
        "MESSAGEBOARD_BIND_ADDRESS", "127.0.0.1",
        "MESSAGEBOARD_REPLICA_ID", replica);
  }

  Map<String, String> reference(int httpPort) {
    return Map.of(
        "BENCH_DB_URL", database.jdbcUrl(MariaDbServer.DATABASE),
        "BENCH_DB_USER", MariaDbServer.USER,
        "BENCH_DB_PASSWORD", database.password(),
        "BENCH_POOL_SIZE", Integer.toString(poolSize),
        "BENCH_ROWS", Integer.toString(rows),
        "BENCH_HTTP_PORT", Integer.toString(httpPort));
  }
}
