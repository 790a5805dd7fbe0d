package io.messageboard.bootstrap.config;

import java.util.Locale;

/** Every setting the service reads, with its default and meaning; the source of {@code --help}. */
public enum Setting {
  HTTP_PORT("8080", "Port of the public API; 0 picks a free port and logs it."),
  MANAGEMENT_PORT(
      "9080", "Port of /metrics and /health/*; never proxied. 0 picks a free port and logs it."),
  BIND_ADDRESS(
      "127.0.0.1",
      "IP address both ports listen on; 0.0.0.0 (every interface) needs API_TOKENS or"
          + " ALLOW_ANONYMOUS_WRITES=true."),
  REPLICA_ID(
      "<hostname>",
      "Name of this replica, 1-64 of [A-Za-z0-9._-]; shown as X-Served-By and stored with messages."),
  STORAGE("mariadb", "mariadb (MESSAGEBOARD_DB_URL, or an embedded MariaDB when unset) or memory."),
  DB_URL(
      "<unset>",
      "jdbc:mariadb://host:port/db of an external MariaDB; unset starts an embedded one."),
  DB_USER("messageboard", "Database user the service runs as (DML only is enough)."),
  DB_PASSWORD(
      "<empty>", "Password of DB_USER; or MESSAGEBOARD_DB_PASSWORD_FILE naming a file holding it."),
  DB_MIGRATION_USER(
      "<DB_USER>",
      "Database user that owns the schema; `migrate` runs as it (a replica on DB_URL never"
          + " migrates, so it needs only DB_USER)."),
  DB_MIGRATION_PASSWORD(
      "<DB_PASSWORD>",
      "Password of DB_MIGRATION_USER; or MESSAGEBOARD_DB_MIGRATION_PASSWORD_FILE."),
  DB_POOL_SIZE("<2 x cores>", "Maximum connections in the pool."),
  DB_CONNECTION_TIMEOUT("3s", "How long a request waits for a connection before answering 503."),
  DATA_DIR("./data", "Directory of the embedded MariaDB's data; survives restarts."),
  SHUTDOWN_DRAIN(
      "5s", "After SIGTERM: time readiness reports 503 while requests are still served."),
  SHUTDOWN_TIMEOUT("20s", "After the drain: longest wait for in-flight requests to finish."),
  LOG_FORMAT("text", "text, or json for one JSON object per line."),
  HTTP_IDLE_TIMEOUT(
      "75s",
      "A connection of the public API that stays silent this long is closed; longer than the"
          + " proxy's upstream keep-alive, so the proxy never reuses a connection the app closed."),
  HTTP_MAX_CONNECTIONS(
      "1000", "Most connections the public API holds open; further clients wait to be accepted."),
  HTTP_MIN_BODY_RATE(
      "1024",
      "Slowest request body accepted, in bytes per second (408 below it; 0 turns the check off);"
          + " a 64 KiB body at this rate takes about a minute."),
  API_TOKENS(
      "<unset>",
      "Comma-separated bearer tokens writes need (several at once to rotate); or"
          + " MESSAGEBOARD_API_TOKENS_FILE. Unset: writes are open to anyone who reaches the port."),
  ALLOW_ANONYMOUS_WRITES(
      "false",
      "true lets a service bound beyond loopback take writes without API_TOKENS; it refuses to"
          + " start otherwise."),
  IDEMPOTENCY_KEY_TTL(
      "24h",
      "How long a POST's Idempotency-Key and its response are kept for retries; expired keys are"
          + " purged in the background."),
  FEED_RETENTION(
      "24h",
      "How long the change feed keeps an event; a client resuming from an older one gets a reset"
          + " event. Older events are purged in the background."),
  FEED_MAX_STREAMS(
      "256", "Most change-feed streams one replica serves at once (503 with Retry-After beyond)."),
  FEED_BUFFERED_EVENTS(
      "1000",
      "Events held for one stream whose client has not taken them; one more closes the stream"
          + " (the client resumes from its last event)."),
  FEED_HEARTBEAT(
      "15s", "A comment on an idle change-feed stream this often, so proxies keep it open."),
  FEED_POLL_INTERVAL(
      "100ms",
      "How often a replica looks for new changes (any replica's) to send to its streams: the"
          + " feed's lag from commit to send is about this much.");

  private final String defaultValue;
  private final String description;

  Setting(String defaultValue, String description) {
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /** Name of the environment variable, e.g. {@code MESSAGEBOARD_HTTP_PORT}. */
  public String environmentVariable() {
    return "MESSAGEBOARD_" + name();
  }

  /** Name of the system property, e.g. {@code messageboard.http.port}. */
  public String systemProperty() {
    return "messageboard." + name().toLowerCase(Locale.ROOT).replace('_', '.');
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }
}
