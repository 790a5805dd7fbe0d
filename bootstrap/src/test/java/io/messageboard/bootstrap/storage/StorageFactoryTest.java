package io.messageboard.bootstrap.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.messageboard.adapter.persistence.embedded.StoppableMariaDb;
import io.messageboard.adapter.persistence.testdb.TestDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabases;
import io.messageboard.bootstrap.config.Settings;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.MessageId;
import io.messageboard.domain.model.MessageText;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.model.ReplicaId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class StorageFactoryTest {

  @TempDir Path dataDirectory;

  @Test
  void startsAnEmbeddedMariaDbInTheDataDirectoryWhenNoUrlIsSetAndWarnsItServesOneProcessOnly() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Logger logger = (Logger) LoggerFactory.getLogger(EmbeddedMariaDbStorage.class);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);

    try (Storage storage = ReadyStorage.open(MariaDbSettings.embedded(dataDirectory), registry)) {
      logger.detachAppender(logs);
      assertThat(logs.list)
          .anySatisfy(
              event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage())
                    .contains("MESSAGEBOARD_DB_URL is not set")
                    .contains("belongs to this process alone")
                    .contains("do not share messages");
              });
      Message stored = storage.repository().add(message(1, "embedded"));

      assertThat(storage.description()).startsWith("embedded MariaDB at jdbc:mariadb://127.0.0.1:");
      assertThat(storage.repository().findById(new MessageId(1))).contains(stored);
      assertThat(storage.isReachable(Duration.ofSeconds(1))).isTrue();
      assertThat(registry.find("hikaricp.connections.max").tag("pool", "messageboard").gauge())
          .isNotNull();
    }
    assertThat(dataDirectory.resolve("mariadb").resolve("messageboard")).isDirectory();
  }

  @Test
  void theEmbeddedDatabaseMigratesItselfWithoutTheReleaseStep() {
    try (Storage storage =
        StorageFactory.begin(MariaDbSettings.embedded(dataDirectory), new SimpleMeterRegistry())) {
      storage.awaitReady();

      assertThat(storage.schemaReady()).isTrue();
      assertThat(storage.repository().add(message(2, "no migrate verb")).text())
          .isEqualTo("no migrate verb");
    }
  }

  @Test
  void keepsMessagesWhenReopenedOnTheSameDataDirectory() {
    Settings settings = MariaDbSettings.embedded(dataDirectory);
    try (Storage first = ReadyStorage.open(settings, new SimpleMeterRegistry())) {
      first.repository().add(message(7, "survives a restart 😀"));
    }

    try (Storage second = ReadyStorage.open(settings, new SimpleMeterRegistry())) {
      assertThat(second.repository().findById(new MessageId(7)).orElseThrow().text())
          .isEqualTo("survives a restart 😀");
    }
  }

  @Test
  void servesTheDatabaseAtTheUrlAsAServiceUserWhileTheMigrationUserOwnsTheSchema() {
    TestDatabase database = TestDatabases.fresh(StorageFactoryTest.class);
    String serviceUser = "svc_" + ProcessHandle.current().pid();
    database.execute(
        "CREATE USER '" + serviceUser + "'@'%' IDENTIFIED BY 'svc-password'",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON `"
            + database.name()
            + "`.* TO '"
            + serviceUser
            + "'@'%'");
    Settings settings =
        MariaDbSettings.external(
            database.jdbcUrl(), serviceUser, "svc-password", database.user(), database.password());
    try (Storage storage = ReadyStorage.open(settings, new SimpleMeterRegistry())) {
      storage.repository().add(message(3, "as the service user"));

      assertThat(storage.description()).isEqualTo("MariaDB at " + database.jdbcUrl());
      assertThat(storage.repository().findById(new MessageId(3))).isPresent();
    } finally {
      database.execute("DROP USER IF EXISTS '" + serviceUser + "'@'%'");
    }
  }

  @Test
  void reportsTheDatabaseUnreachableWithinTheTimeoutWhileItIsDown() {
    try (StoppableMariaDb server = StoppableMariaDb.start(dataDirectory)) {
      server.createDatabase("probe");
      // A probe not bounded by its own timeout would wait the pool's 20 s connection timeout.
      Settings settings =
          MariaDbSettings.external(
              server.jdbcUrl("probe"), server.user(), server.password(), Duration.ofSeconds(20));
      try (Storage storage = ReadyStorage.open(settings, new SimpleMeterRegistry())) {
        assertThat(storage.isReachable(Duration.ofSeconds(1))).isTrue();

        server.stop();
        Duration timeout = Duration.ofSeconds(1);
        long start = System.nanoTime();
        boolean reachable = storage.isReachable(timeout);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        server.restart();

        assertThat(reachable).isFalse();
        // The probe itself waits for the pool's 20 s; 2.5 times the timeout shows the caller did
        // not.
        assertThat(took).isLessThan(timeout.multipliedBy(5).dividedBy(2));
        await("reachable again after the restart")
            .atMost(Duration.ofSeconds(30))
            .until(() -> storage.isReachable(Duration.ofSeconds(1)));
      }
    }
  }

  private static NewMessage message(int id, String text) {
    return new NewMessage(
        Optional.of(new MessageId(id)),
        new MessageText(text),
        new ReplicaId("test-replica"),
        Instant.now());
  }
}
