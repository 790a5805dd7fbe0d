package io.messageboard.bootstrap.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.adapter.persistence.embedded.StoppableMariaDb;
import io.messageboard.bootstrap.Application;
import io.messageboard.bootstrap.config.Setting;
import io.messageboard.bootstrap.config.Settings;
import io.messageboard.bootstrap.storage.ReleaseMigration;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a real MariaDB: readiness follows the database, and the pool's meters join the scrape. */
class DatabaseReadinessTest {

  @TempDir Path dataDirectory;

  @Test
  void readinessFollowsTheDatabaseAndThePoolIsMetered() throws Exception {
    try (StoppableMariaDb database = StoppableMariaDb.start(dataDirectory)) {
      database.createDatabase("readiness");
      ReleaseMigration.run(settings(database));
      Application application = new Application(settings(database)).start();
      try {
        int management = application.managementPort();
        assertThat(LoopbackHttp.get(management, "/health/ready").statusCode()).isEqualTo(200);
        String scrape = LoopbackHttp.get(management, "/metrics").body();
        assertThat(scrape)
            .containsPattern(
                "(?m)^hikaricp_connections_max\\{[^}]*application=\"messageboard\"[^}]*\\}");
        assertThat(Promtool.checkMetrics(scrape).output())
            .as("promtool findings with the pool's meters")
            .isEmpty();

        database.stop();
        HttpResponse<String> down = awaitStatus(management, 503, Duration.ofSeconds(10));
        assertThat(down.body()).contains("\"failedCheck\":\"storage\"");
        assertThat(LoopbackHttp.get(management, "/health/live").statusCode())
            .as("liveness ignores the database")
            .isEqualTo(200);

        database.restart();
        assertThat(awaitStatus(management, 200, Duration.ofSeconds(30)).statusCode())
            .isEqualTo(200);
      } finally {
        application.stop();
      }
    }
  }

  private static Settings settings(StoppableMariaDb database) {
    return Settings.from(
        Map.of(
            Setting.HTTP_PORT.environmentVariable(), "0",
            Setting.MANAGEMENT_PORT.environmentVariable(), "0",
            Setting.REPLICA_ID.environmentVariable(), "test-replica",
            Setting.STORAGE.environmentVariable(), "mariadb",
            Setting.DB_URL.environmentVariable(), database.jdbcUrl("readiness"),
            Setting.DB_USER.environmentVariable(), database.user(),
            Setting.DB_PASSWORD.environmentVariable(), database.password(),
            Setting.DB_CONNECTION_TIMEOUT.environmentVariable(), "2s",
            Setting.SHUTDOWN_DRAIN.environmentVariable(), "0s"),
        Map.of());
  }

  private static HttpResponse<String> awaitStatus(int port, int status, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpResponse<String> response = LoopbackHttp.get(port, "/health/ready");
    while (response.statusCode() != status && System.nanoTime() < deadline) {
      Thread.sleep(200);
      response = LoopbackHttp.get(port, "/health/ready");
    }
    assertThat(response.statusCode()).as("readiness within " + timeout).isEqualTo(status);
    return response;
  }
}
