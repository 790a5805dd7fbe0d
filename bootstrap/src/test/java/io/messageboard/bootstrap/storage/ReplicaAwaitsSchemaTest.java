package io.messageboard.bootstrap.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.messageboard.adapter.http.contract.ApiClient;
import io.messageboard.adapter.persistence.testdb.TestDatabase;
import io.messageboard.adapter.persistence.testdb.TestDatabases;
import io.messageboard.bootstrap.Application;
import io.messageboard.bootstrap.config.Settings;
import io.messageboard.bootstrap.management.LoopbackHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A replica on an external database never migrates it: as the DML-only service user it waits, not
 * ready, until the release step ({@code messageboard migrate}, as the owner) has, then serves
 * without a restart.
 */
class ReplicaAwaitsSchemaTest {

  private static final String SERVICE_PASSWORD = "dml-only";

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(AwaitedSchema.class);
  private TestDatabase database;
  private String serviceUser;
  private Settings settings;

  @BeforeEach
  void anUnmigratedDatabaseWithADmlOnlyServiceUser() {
    database = TestDatabases.fresh(ReplicaAwaitsSchemaTest.class);
    serviceUser = "dml_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
    database.execute(
        "CREATE USER '" + serviceUser + "'@'%' IDENTIFIED BY '" + SERVICE_PASSWORD + "'",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON `"
            + database.name()
            + "`.* TO '"
            + serviceUser
            + "'@'%'");
    settings =
        MariaDbSettings.external(
            database.jdbcUrl(),
            serviceUser,
            SERVICE_PASSWORD,
            database.user(),
            database.password());
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void dropTheServiceUser() {
    logger.detachAppender(logs);
    database.execute("DROP USER IF EXISTS '" + serviceUser + "'@'%'");
  }

  @Test
  void staysNotReadyOnAnUnmigratedSchemaSayingWhatItWaitsForThenServesOnceMigrated()
      throws Exception {
    Application application = new Application(settings);
    CompletableFuture<Application> started = CompletableFuture.supplyAsync(application::start);
    try {
      int management = awaitManagementPort(application);
      HttpResponse<String> waiting = LoopbackHttp.get(management, "/health/ready");
      await("the line saying what the replica waits for")
          .atMost(Duration.ofSeconds(10))
          .until(() -> !warnings().isEmpty());

      assertThat(waiting.statusCode()).isEqualTo(503);
      assertThat(waiting.body()).contains("\"failedCheck\":\"schema\"");
      assertThat(started).isNotDone();
      assertThat(warnings())
          .containsExactly(
              "Not ready: schema has no migrations applied, this release needs V10; run"
                  + " `messageboard migrate`");
      assertThat(tableNames()).as("the replica created nothing").isEmpty();

      ReleaseMigration.run(settings);

      started.get(30, TimeUnit.SECONDS);
      assertThat(LoopbackHttp.get(management, "/health/ready").statusCode()).isEqualTo(200);
      ApiClient http = new ApiClient("http://127.0.0.1:" + application.httpPort());
      assertThat(http.post("/api/v1/messages", "{\"text\": \"after migrate\"}").status())
          .isEqualTo(201);
      assertThat(warnings()).as("one line until the next minute").hasSize(1);
    } finally {
      application.stop();
    }
  }

  @Test
  void namesTheVersionItFindsAndTheOneItNeeds() throws Exception {
    database.execute(
        "CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY,"
            + " version VARCHAR(50), description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL,"
            + " script VARCHAR(1000) NOT NULL, checksum INT, installed_by VARCHAR(100) NOT NULL,"
            + " installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,"
            + " execution_time INT NOT NULL, success BOOLEAN NOT NULL)",
        "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
            + " checksum, installed_by, execution_time, success) VALUES (1, '5', 'an older"
            + " release', 'SQL', 'V5__older.sql', 0, 'test', 1, 1)");
    Application application = new Application(settings);
    CompletableFuture<Application> started = CompletableFuture.supplyAsync(application::start);
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> !warnings().isEmpty());

      assertThat(warnings().get(0))
          .isEqualTo("Not ready: schema at V5, this release needs V10; run `messageboard migrate`");
      assertThat(started).isNotDone();
    } finally {
      application.stop();
    }
  }

  @Test
  void stoppingAWaitingReplicaEndsTheWaitWithoutServing() throws Exception {
    Application application = new Application(settings);
    CompletableFuture<Application> started = CompletableFuture.supplyAsync(application::start);
    awaitManagementPort(application);

    application.stop();

    assertThat(started.get(10, TimeUnit.SECONDS)).isSameAs(application);
    assertThat(tableNames()).isEmpty();
  }

  @Test
  void servesOnASchemaWithMigrationsOfANewerReleaseAndSaysSo() throws Exception {
    ReleaseMigration.run(settings);
    database.execute(
        "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
            + " checksum, installed_by, execution_time, success) SELECT MAX(installed_rank) + 1,"
            + " '1000', 'a newer release', 'SQL', 'V1000__newer.sql', 0, 'test', 1, 1 FROM"
            + " flyway_schema_history");

    Application application = new Application(settings).start();
    try {
      assertThat(LoopbackHttp.get(application.managementPort(), "/health/ready").statusCode())
          .isEqualTo(200);
      assertThat(warnings())
          .singleElement()
          .asString()
          .contains("migrations this release does not know (V1000)");
    } finally {
      application.stop();
    }
  }

  private List<String> warnings() {
    synchronized (logs) {
      return logs.list.stream()
          .filter(event -> event.getLevel() == Level.WARN)
          .map(ILoggingEvent::getFormattedMessage)
          .toList();
    }
  }

  private List<String> tableNames() throws Exception {
    try (var pool = database.ownerPool();
        var connection = pool.getConnection();
        var tables = connection.getMetaData().getTables(database.name(), null, "%", null)) {
      List<String> names = new java.util.ArrayList<>();
      while (tables.next()) {
        names.add(tables.getString("TABLE_NAME"));
      }
      return names;
    }
  }

  private static int awaitManagementPort(Application application) {
    return await("the management port")
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(application::managementPort, port -> port > 0);
  }
}
