package io.messageboard.bootstrap.config;

import io.messageboard.adapter.http.auth.BearerTokens;
import io.messageboard.adapter.persistence.pool.PoolSettings;
import io.messageboard.domain.failure.InvalidInputException;
import io.messageboard.domain.model.ReplicaId;
import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The service's configuration, read once at start from system properties, environment and secret
 * files.
 */
public record Settings(
    int httpPort,
    int managementPort,
    String bindAddress,
    ReplicaId replica,
    StorageKind storage,
    Optional<String> dbUrl,
    String dbUser,
    String dbPassword,
    String dbMigrationUser,
    String dbMigrationPassword,
    int dbPoolSize,
    Duration dbConnectionTimeout,
    Path dataDir,
    Duration shutdownDrain,
    Duration shutdownTimeout,
    LogFormat logFormat,
    Duration httpIdleTimeout,
    int httpMaxConnections,
    int httpMinBodyRate,
    BearerTokens apiTokens,
    boolean allowAnonymousWrites,
    Duration idempotencyKeyTtl,
    Duration feedRetention,
    int feedMaxStreams,
    int feedBufferedEvents,
    Duration feedHeartbeat,
    Duration feedPollInterval) {

  /** Components whose values never reach logs. */
  private static final Set<String> SECRETS = Set.of("dbPassword", "dbMigrationPassword");

  /** Shortest idempotency key lifetime accepted: a retry a minute later must still be safe. */
  static final Duration MINIMUM_KEY_TTL = Duration.ofMinutes(1);

  /** Where messages are kept. */
  public enum StorageKind {
    MARIADB,
    MEMORY
  }

  /** Shape of log lines on standard output. */
  public enum LogFormat {
    TEXT,
    JSON
  }

  /** Reads the settings of this process. */
  public static Settings fromEnvironment() {
    return from(System.getenv(), SettingValues.systemProperties());
  }

  /**
   * Reads settings from the given maps; throws {@link InvalidSettingException} naming the first bad
   * one.
   */
  public static Settings from(Map<String, String> environment, Map<String, String> properties) {
    SettingValues values = new SettingValues(new SettingSource(environment, properties));
    String dbUser = values.text(Setting.DB_USER);
    String dbPassword = values.text(Setting.DB_PASSWORD, "");
    Settings settings =
        new Settings(
            values.port(Setting.HTTP_PORT),
            values.port(Setting.MANAGEMENT_PORT),
            bindAddress(values.text(Setting.BIND_ADDRESS)),
            replica(values),
            values.choice(Setting.STORAGE, StorageKind.class),
            values.optionalText(Setting.DB_URL).map(url -> requireMariaDbUrl(url)),
            dbUser,
            dbPassword,
            values.text(Setting.DB_MIGRATION_USER, dbUser),
            values.text(Setting.DB_MIGRATION_PASSWORD, dbPassword),
            values.positiveInt(Setting.DB_POOL_SIZE, PoolSettings.defaultSize()),
            values.duration(Setting.DB_CONNECTION_TIMEOUT),
            Path.of(values.text(Setting.DATA_DIR)),
            values.duration(Setting.SHUTDOWN_DRAIN),
            values.duration(Setting.SHUTDOWN_TIMEOUT),
            values.choice(Setting.LOG_FORMAT, LogFormat.class),
            values.duration(Setting.HTTP_IDLE_TIMEOUT),
            values.positiveInt(Setting.HTTP_MAX_CONNECTIONS),
            values.nonNegativeInt(Setting.HTTP_MIN_BODY_RATE),
            apiTokens(values),
            values.flag(Setting.ALLOW_ANONYMOUS_WRITES),
            values.duration(Setting.IDEMPOTENCY_KEY_TTL),
            values.duration(Setting.FEED_RETENTION),
            values.positiveInt(Setting.FEED_MAX_STREAMS),
            values.positiveInt(Setting.FEED_BUFFERED_EVENTS),
            values.duration(Setting.FEED_HEARTBEAT),
            values.duration(Setting.FEED_POLL_INTERVAL));
    settings.requireConsistent();
    return settings;
  }

  private void requireConsistent() {
    if (httpIdleTimeout.compareTo(Duration.ofMillis(100)) < 0) {
      throw new InvalidSettingException(
          Setting.HTTP_IDLE_TIMEOUT, httpIdleTimeout.toString(), "at least 100ms");
    }
    if (httpPort != 0 && httpPort == managementPort) {
      throw new InvalidSettingException(
          Setting.MANAGEMENT_PORT,
          Integer.toString(managementPort),
          "a port other than MESSAGEBOARD_HTTP_PORT");
    }
    if (idempotencyKeyTtl.compareTo(MINIMUM_KEY_TTL) < 0) {
      throw new InvalidSettingException(
          Setting.IDEMPOTENCY_KEY_TTL,
          idempotencyKeyTtl.toString(),
          "at least 1m (clients need time to retry)");
    }
    requireAtLeast(Setting.FEED_RETENTION, feedRetention, Duration.ofMinutes(1));
    requireAtLeast(Setting.FEED_HEARTBEAT, feedHeartbeat, Duration.ofSeconds(1));
    requireAtLeast(Setting.FEED_POLL_INTERVAL, feedPollInterval, Duration.ofMillis(10));
    if (dbConnectionTimeout.compareTo(PoolSettings.MINIMUM_TIMEOUT) < 0) {
      throw new InvalidSettingException(
          Setting.DB_CONNECTION_TIMEOUT,
          dbConnectionTimeout.toString(),
          "at least "
              + PoolSettings.MINIMUM_TIMEOUT.toMillis()
              + "ms (the connection pool's minimum)");
    }
  }

  private static void requireAtLeast(Setting setting, Duration value, Duration minimum) {
    if (value.compareTo(minimum) < 0) {
      throw new InvalidSettingException(
          setting, value.toString(), "at least " + minimum.toMillis() + "ms");
    }
  }

  /**
   * These settings, if serving them takes no anonymous writes from the network: loopback is reached
   * from this machine only, any other address needs tokens or the explicit opt-in. Checked before
   * serving only; the release step listens on nothing.
   */
  public Settings requireNoAnonymousWritesFromTheNetwork() {
    if (apiTokens.required() || allowAnonymousWrites || isLoopback(bindAddress)) {
      return this;
    }
    throw new InvalidSettingException(
        ("Refusing anonymous writes from the network: %s=%s and no %s; set %s (or %s_FILE), or"
                + " %s=true to take writes from anyone")
            .formatted(
                Setting.BIND_ADDRESS.environmentVariable(),
                bindAddress,
                Setting.API_TOKENS.environmentVariable(),
                Setting.API_TOKENS.environmentVariable(),
                Setting.API_TOKENS.environmentVariable(),
                Setting.ALLOW_ANONYMOUS_WRITES.environmentVariable()));
  }

  private static boolean isLoopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress(); // a literal: never looked up
    } catch (UnknownHostException e) {
      return false;
    }
  }

  // An IP literal only: a host name would need a lookup at start and is rarely what is meant.
  private static String bindAddress(String raw) {
    if (isIpv4Literal(raw) || raw.contains(":")) {
      try {
        InetAddress.getByName(raw); // a literal: parsed, never looked up
        return raw;
      } catch (UnknownHostException e) {
        // not an address after all; refused below
      }
    }
    throw new InvalidSettingException(
        Setting.BIND_ADDRESS, raw, "an IP address such as 0.0.0.0, 127.0.0.1 or ::1");
  }

  private static boolean isIpv4Literal(String raw) {
    return raw.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")
        && Arrays.stream(raw.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
  }

  private static ReplicaId replica(SettingValues values) {
    String raw = values.optionalText(Setting.REPLICA_ID).orElseGet(Settings::hostname);
    try {
      return new ReplicaId(raw);
    } catch (InvalidInputException e) {
      throw new InvalidSettingException(
          Setting.REPLICA_ID, raw, "1-64 characters of A-Z a-z 0-9 . _ -");
    }
  }

  // Set but empty would silently open writes; unset is the only way to turn tokens off.
  private static BearerTokens apiTokens(SettingValues values) {
    Optional<String> raw = values.raw(Setting.API_TOKENS);
    if (raw.isEmpty()) {
      return BearerTokens.none();
    }
    List<String> tokens =
        Arrays.stream(raw.get().split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    if (tokens.isEmpty()) {
      throw new InvalidSettingException(
          "Invalid %s: no token in it; unset it to take writes without one"
              .formatted(Setting.API_TOKENS.environmentVariable()));
    }
    try {
      return BearerTokens.of(tokens);
    } catch (IllegalArgumentException e) {
      // The message names the token's position, never its value.
      throw new InvalidSettingException(
          "Invalid %s: %s".formatted(Setting.API_TOKENS.environmentVariable(), e.getMessage()));
    }
  }

  private static String hostname() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return name.replaceAll("[^A-Za-z0-9._-]", "-");
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  private static String requireMariaDbUrl(String url) {
    if (!url.startsWith("jdbc:mariadb://") && !url.startsWith("jdbc:mysql://")) {
      throw new InvalidSettingException(Setting.DB_URL, url, "jdbc:mariadb://host:port/database");
    }
    return url;
  }

  /**
   * Every component as {@code name=value}, read from the record itself so that a new one is printed
   * too; passwords show only whether they are set, tokens only their number.
   */
  @Override
  public String toString() {
    StringJoiner printed = new StringJoiner(", ", "Settings[", "]");
    for (RecordComponent component : Settings.class.getRecordComponents()) {
      printed.add(component.getName() + "=" + printable(component));
    }
    return printed.toString();
  }

  private Object printable(RecordComponent component) {
    Object value;
    try {
      value = component.getAccessor().invoke(this);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot read " + component.getName(), e);
    }
    if (value instanceof BearerTokens tokens) {
      return tokens.count();
    }
    if (value instanceof Optional<?> optional) {
      return optional.map(Object::toString).orElse("<unset>");
    }
    if (SECRETS.contains(component.getName())) {
      return value.toString().isEmpty() ? "<empty>" : "<set>";
    }
    return value;
  }
}
