package io.messageboard.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.bootstrap.config.Settings.LogFormat;
import io.messageboard.bootstrap.config.Settings.StorageKind;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {

  private static Settings fromEnvironment(Map<String, String> environment) {
    return Settings.from(environment, Map.of());
  }

  @Test
  void usesTheDocumentedDefaults() {
    Settings settings = fromEnvironment(Map.of("MESSAGEBOARD_REPLICA_ID", "r1"));

    assertThat(settings.httpPort()).isEqualTo(8080);
    assertThat(settings.managementPort()).isEqualTo(9080);
    assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
    assertThat(settings.allowAnonymousWrites()).isFalse();
    assertThat(settings.dbUrl()).isEmpty();
    assertThat(settings.dbUser()).isEqualTo("messageboard");
    assertThat(settings.dbMigrationUser()).isEqualTo("messageboard");
    assertThat(settings.dbPoolSize()).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
    assertThat(settings.dbConnectionTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(settings.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(settings.logFormat()).isEqualTo(LogFormat.TEXT);
    assertThat(settings.feedRetention()).isEqualTo(Duration.ofHours(24));
    assertThat(settings.feedMaxStreams()).isEqualTo(256);
    assertThat(settings.feedBufferedEvents()).isEqualTo(1000);
    assertThat(settings.feedHeartbeat()).isEqualTo(Duration.ofSeconds(15));
    assertThat(settings.feedPollInterval()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void readsEveryKindOfValue() {
    Settings settings =
        fromEnvironment(
            Map.of(
                "MESSAGEBOARD_HTTP_PORT", "0",
                "MESSAGEBOARD_BIND_ADDRESS", "::1",
                "MESSAGEBOARD_STORAGE", "MEMORY",
                "MESSAGEBOARD_DB_URL", "jdbc:mariadb://db:3306/messages",
                "MESSAGEBOARD_SHUTDOWN_DRAIN", "1500ms",
                "MESSAGEBOARD_SHUTDOWN_TIMEOUT", "PT1M",
                "MESSAGEBOARD_LOG_FORMAT", "json"));

    assertThat(settings.httpPort()).isZero();
    assertThat(settings.bindAddress()).isEqualTo("::1");
    assertThat(settings.storage()).isEqualTo(StorageKind.MEMORY);
    assertThat(settings.dbUrl()).contains("jdbc:mariadb://db:3306/messages");
    assertThat(settings.shutdownDrain()).isEqualTo(Duration.ofMillis(1500));
    assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofMinutes(1));
    assertThat(settings.logFormat()).isEqualTo(LogFormat.JSON);
  }

  @Test
  void systemPropertiesWinOverEnvironmentVariables() {
    Settings settings =
        Settings.from(
            Map.of("MESSAGEBOARD_HTTP_PORT", "1111"), Map.of("messageboard.http.port", "2222"));

    assertThat(settings.httpPort()).isEqualTo(2222);
  }

  @Test
  void readsSecretsFromFilesAndNeverPrintsThem(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("db-password"), "s3cret\n");

    Settings settings = fromEnvironment(Map.of("MESSAGEBOARD_DB_PASSWORD_FILE", secret.toString()));

    assertThat(settings.dbPassword()).isEqualTo("s3cret");
    assertThat(settings.dbMigrationPassword()).isEqualTo("s3cret");
    assertThat(settings.toString()).doesNotContain("s3cret");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "MESSAGEBOARD_HTTP_PORT | abc | MESSAGEBOARD_HTTP_PORT=abc",
        "MESSAGEBOARD_HTTP_PORT | 70000 | MESSAGEBOARD_HTTP_PORT=70000",
        "MESSAGEBOARD_MANAGEMENT_PORT | -1 | MESSAGEBOARD_MANAGEMENT_PORT=-1",
        "MESSAGEBOARD_BIND_ADDRESS | localhost | MESSAGEBOARD_BIND_ADDRESS=localhost",
        "MESSAGEBOARD_BIND_ADDRESS | 300.1.2.3 | an IP address",
        "MESSAGEBOARD_REPLICA_ID | has space | MESSAGEBOARD_REPLICA_ID=has space",
        "MESSAGEBOARD_STORAGE | postgres | mariadb or memory",
        "MESSAGEBOARD_DB_URL | jdbc:postgresql://x/y | MESSAGEBOARD_DB_URL",
        "MESSAGEBOARD_DB_POOL_SIZE | 0 | MESSAGEBOARD_DB_POOL_SIZE=0",
        "MESSAGEBOARD_SHUTDOWN_DRAIN | soon | MESSAGEBOARD_SHUTDOWN_DRAIN=soon",
        "MESSAGEBOARD_LOG_FORMAT | xml | text or json",
        "MESSAGEBOARD_DB_PASSWORD_FILE | /no/such/file | MESSAGEBOARD_DB_PASSWORD_FILE=/no/such/file"
      })
  void refusesAnInvalidValueWithOneLineNamingIt(String variable, String value, String expected) {
    assertThatThrownBy(() -> fromEnvironment(Map.of(variable, value)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining(expected)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void refusesTheSamePortForTheApiAndManagement() {
    assertThatThrownBy(
            () ->
                fromEnvironment(
                    Map.of(
                        "MESSAGEBOARD_HTTP_PORT", "8081", "MESSAGEBOARD_MANAGEMENT_PORT", "8081")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("MESSAGEBOARD_MANAGEMENT_PORT=8081");
  }

  @Test
  void refusesAConnectionTimeoutThePoolCannotUse() {
    assertThatThrownBy(() -> fromEnvironment(Map.of("MESSAGEBOARD_DB_CONNECTION_TIMEOUT", "0s")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("MESSAGEBOARD_DB_CONNECTION_TIMEOUT");
  }

  @Test
  void refusesAPasswordGivenBothDirectlyAndAsAFile(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("db-password"), "from-file");

    assertThatThrownBy(
            () ->
                fromEnvironment(
                    Map.of(
                        "MESSAGEBOARD_DB_PASSWORD",
                        "direct",
                        "MESSAGEBOARD_DB_PASSWORD_FILE",
                        secret.toString())))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("Set MESSAGEBOARD_DB_PASSWORD or MESSAGEBOARD_DB_PASSWORD_FILE, not both");
  }

  @Test
  void theReadmeDocumentsEverySetting() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));

    for (Setting setting : Setting.values()) {
      assertThat(readme).as(setting.name()).contains("`" + setting.environmentVariable() + "`");
    }
  }

  @Test
  void takesWritesWithoutATokenWhenNoneIsSet() {
    assertThat(fromEnvironment(Map.of()).apiTokens().required()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "192.0.2.10", "::", "2001:db8::1"})
  void refusesAnonymousWritesFromTheNetworkOnOneLineNamingTheWaysOut(String address) {
    Settings settings = fromEnvironment(Map.of("MESSAGEBOARD_BIND_ADDRESS", address));

    assertThatThrownBy(settings::requireNoAnonymousWritesFromTheNetwork)
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("MESSAGEBOARD_BIND_ADDRESS=" + address)
        .hasMessageContaining("MESSAGEBOARD_API_TOKENS")
        .hasMessageContaining("MESSAGEBOARD_ALLOW_ANONYMOUS_WRITES=true")
        .hasMessageNotContaining("\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.0.0.12", "::1"})
  void takesAnonymousWritesOnLoopbackWhereOnlyThisMachineReachesThem(String address) {
    Settings settings = fromEnvironment(Map.of("MESSAGEBOARD_BIND_ADDRESS", address));

    assertThat(settings.requireNoAnonymousWritesFromTheNetwork()).isSameAs(settings);
  }

  @Test
  void bindsBeyondLoopbackWithTokensOrTheExplicitOptIn() {
    Settings withTokens =
        fromEnvironment(
            Map.of(
                "MESSAGEBOARD_BIND_ADDRESS", "0.0.0.0",
                "MESSAGEBOARD_API_TOKENS", "first-token-0123456789"));
    Settings optedIn =
        fromEnvironment(
            Map.of(
                "MESSAGEBOARD_BIND_ADDRESS", "0.0.0.0",
                "MESSAGEBOARD_ALLOW_ANONYMOUS_WRITES", "TRUE"));

    assertThat(withTokens.requireNoAnonymousWritesFromTheNetwork()).isSameAs(withTokens);
    assertThat(optedIn.requireNoAnonymousWritesFromTheNetwork()).isSameAs(optedIn);
    assertThat(optedIn.apiTokens().required()).isFalse();
  }

  @Test
  void refusesAnOptInThatIsNotTrueOrFalse() {
    assertThatThrownBy(() -> fromEnvironment(Map.of("MESSAGEBOARD_ALLOW_ANONYMOUS_WRITES", "yes")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("Invalid MESSAGEBOARD_ALLOW_ANONYMOUS_WRITES=yes: expected true or false");
  }

  @Test
  void readsSeveralCommaSeparatedTokensAndNeverPrintsThem() {
    Settings settings =
        fromEnvironment(
            Map.of("MESSAGEBOARD_API_TOKENS", " first-token-0123456789 ,second-token-0123456789"));

    assertThat(settings.apiTokens().count()).isEqualTo(2);
    assertThat(settings.apiTokens().accepts("first-token-0123456789")).isTrue();
    assertThat(settings.apiTokens().accepts("second-token-0123456789")).isTrue();
    assertThat(settings.toString()).doesNotContain("token-0123456789").contains("apiTokens=2");
  }

  @Test
  void readsTokensFromAFile(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("api-tokens"), "file-token-0123456789abcdef\n");

    Settings settings = fromEnvironment(Map.of("MESSAGEBOARD_API_TOKENS_FILE", file.toString()));

    assertThat(settings.apiTokens().accepts("file-token-0123456789abcdef")).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | no token in it",
        "' , ' | no token in it",
        "good-token-0123456789,short-one | token 2 of 2",
        "has space inside the token 123 | token 1 of 1"
      })
  void refusesUnusableTokensWithoutShowingThem(String tokens, String reason) {
    assertThatThrownBy(() -> fromEnvironment(Map.of("MESSAGEBOARD_API_TOKENS", tokens)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("Invalid MESSAGEBOARD_API_TOKENS")
        .hasMessageContaining(reason)
        .hasMessageNotContaining("short-one")
        .hasMessageNotContaining("space inside");
  }

  @Test
  void printsEverySettingItHoldsSoANewOneCannotBeLeftOut() {
    String printed = fromEnvironment(Map.of("MESSAGEBOARD_REPLICA_ID", "r1")).toString();

    for (RecordComponent component : Settings.class.getRecordComponents()) {
      assertThat(printed)
          .as(component.getName())
          .containsPattern("[\\[ ]" + component.getName() + "=");
    }
    assertThat(printed)
        .startsWith("Settings[httpPort=8080, ")
        .contains("replica=r1", "dbUrl=<unset>", "dbPassword=<empty>", "apiTokens=0")
        .endsWith(", feedPollInterval=PT0.1S]");
  }

  @Test
  void printsOnlyWhetherAPasswordIsSet() {
    String printed =
        fromEnvironment(
                Map.of(
                    "MESSAGEBOARD_DB_PASSWORD",
                    "app-secret",
                    "MESSAGEBOARD_DB_URL",
                    "jdbc:mariadb://db/m"))
            .toString();

    assertThat(printed)
        .doesNotContain("app-secret")
        .contains("dbPassword=<set>", "dbMigrationPassword=<set>", "dbUrl=jdbc:mariadb://db/m");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "MESSAGEBOARD_HTTP_PORT | 65535",
        "MESSAGEBOARD_MANAGEMENT_PORT | 0",
        "MESSAGEBOARD_BIND_ADDRESS | 127.255.255.255",
        "MESSAGEBOARD_DB_POOL_SIZE | 1",
        "MESSAGEBOARD_HTTP_MAX_CONNECTIONS | 1",
        "MESSAGEBOARD_HTTP_MIN_BODY_RATE | 0",
        "MESSAGEBOARD_HTTP_IDLE_TIMEOUT | 100ms",
        "MESSAGEBOARD_IDEMPOTENCY_KEY_TTL | 1m",
        "MESSAGEBOARD_DB_CONNECTION_TIMEOUT | 250ms",
        "MESSAGEBOARD_FEED_RETENTION | 1m",
        "MESSAGEBOARD_FEED_HEARTBEAT | 1s",
        "MESSAGEBOARD_FEED_POLL_INTERVAL | 10ms",
        "MESSAGEBOARD_FEED_MAX_STREAMS | 1",
        "MESSAGEBOARD_FEED_BUFFERED_EVENTS | 1"
      })
  void acceptsTheValueAtEachLimit(String variable, String value) {
    Settings settings = fromEnvironment(Map.of(variable, value));

    assertThat(settings.toString()).isNotEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "MESSAGEBOARD_HTTP_PORT | 65536",
        "MESSAGEBOARD_BIND_ADDRESS | 10.0.0.256",
        "MESSAGEBOARD_HTTP_MAX_CONNECTIONS | 0",
        "MESSAGEBOARD_HTTP_MIN_BODY_RATE | -1",
        "MESSAGEBOARD_HTTP_IDLE_TIMEOUT | 99ms",
        "MESSAGEBOARD_IDEMPOTENCY_KEY_TTL | 59s",
        "MESSAGEBOARD_DB_CONNECTION_TIMEOUT | 249ms",
        "MESSAGEBOARD_FEED_RETENTION | 59s",
        "MESSAGEBOARD_FEED_HEARTBEAT | 999ms",
        "MESSAGEBOARD_FEED_POLL_INTERVAL | 9ms",
        "MESSAGEBOARD_FEED_MAX_STREAMS | 0",
        "MESSAGEBOARD_FEED_BUFFERED_EVENTS | 0"
      })
  void refusesTheValueJustPastEachLimit(String variable, String value) {
    assertThatThrownBy(() -> fromEnvironment(Map.of(variable, value)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining(variable);
  }

  @Test
  void readsTheServerLimitsAndTheirDefaults() {
    Settings defaults = fromEnvironment(Map.of());
    Settings given =
        fromEnvironment(
            Map.of(
                "MESSAGEBOARD_HTTP_MAX_CONNECTIONS", "7", "MESSAGEBOARD_HTTP_MIN_BODY_RATE", "9"));

    assertThat(defaults.httpMaxConnections()).isEqualTo(1_000);
    assertThat(defaults.httpMinBodyRate()).isEqualTo(1_024);
    assertThat(given.httpMaxConnections()).isEqualTo(7);
    assertThat(given.httpMinBodyRate()).isEqualTo(9);
  }

  @Test
  void treatsABlankValueAsUnset() {
    assertThat(fromEnvironment(Map.of("MESSAGEBOARD_HTTP_PORT", "  ")).httpPort()).isEqualTo(8080);
  }

  @Test
  void namesTheReplicaAfterTheHostWhenNoIdIsSet() {
    assertThat(fromEnvironment(Map.of()).replica().value()).isNotBlank();
  }

  @Test
  void seesThisProcesssSystemProperties() {
    assertThat(SettingValues.systemProperties())
        .containsEntry("java.version", System.getProperty("java.version"));
  }
}
