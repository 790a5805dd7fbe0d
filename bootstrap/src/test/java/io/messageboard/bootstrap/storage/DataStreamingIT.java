package io.messageboard.bootstrap.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.messageboard.adapter.persistence.embedded.EmbeddedMariaDb;
import io.messageboard.adapter.persistence.migration.SchemaMigrator;
import io.messageboard.adapter.persistence.pool.MariaDbPools;
import io.messageboard.adapter.persistence.pool.PoolSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packaged service, limited to a 64 MiB heap, streams a 200,000-row table (80 MB of text) on
 * GET /data.
 */
class DataStreamingIT {

  private static final Logger log = LoggerFactory.getLogger(DataStreamingIT.class);
  private static final int ROWS = 200_000;
  private static final int TEXT_LENGTH = 400;
  private static final byte[] ROW_END = "\"bulk\"]".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dataDirectory;

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void servesEveryRowOfALargeTableFromASixtyFourMebibyteHeap() throws Exception {
    try (EmbeddedMariaDb server = EmbeddedMariaDb.start(dataDirectory)) {
      server.createDatabase("stream");
      fill(server);
      int httpPort = freePort();
      int managementPort = freePort();
      Process service = launch(server, httpPort, managementPort);
      try {
        HttpClient client = HttpClient.newHttpClient();
        awaitReady(client, service, managementPort);
        AtomicLong peakHeap = new AtomicLong();
        Thread sampler = sampleHeap(client, managementPort, peakHeap);
        long start = System.nanoTime();
        HttpResponse<InputStream> response =
            client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/data"))
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long rows;
        try (InputStream body = response.body()) {
          rows = countRows(body);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        sampler.interrupt();
        log.info(
            "GET /data streamed {} rows in {} ms; peak heap used {} MiB (-Xmx64m)",
            rows,
            took.toMillis(),
            peakHeap.get() / (1024 * 1024));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(rows).isEqualTo(ROWS);
        assertThat(service.isAlive()).isTrue();
      } finally {
        stop(service);
      }
    }
  }

  private static void fill(EmbeddedMariaDb server) throws SQLException {
    PoolSettings settings =
        new PoolSettings(
            "fill",
            server.jdbcUrl("stream"),
            server.user(),
            server.password(),
            1,
            Duration.ofSeconds(5));
    try (HikariDataSource owner = MariaDbPools.open(settings)) {
      new SchemaMigrator(owner).migrate();
      try (Connection connection = owner.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute(
            "INSERT INTO messages (clid, mess, sid, created_at, updated_at, version)"
                + " SELECT seq, CONCAT(LPAD(seq, 10, '0'), REPEAT('x', "
                + (TEXT_LENGTH - 10)
                + ")), 'bulk',"
                + " UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), 1 FROM seq_1_to_"
                + ROWS);
      }
    }
  }

  private static Process launch(EmbeddedMariaDb server, int httpPort, int managementPort)
      throws IOException {
    String jar = System.getProperty("messageboard.jar", "target/messageboard.jar");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(java, "-Xmx64m", "-jar", jar)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("MESSAGEBOARD_STORAGE", "mariadb");
    builder.environment().put("MESSAGEBOARD_DB_URL", server.jdbcUrl("stream"));
    builder.environment().put("MESSAGEBOARD_DB_USER", server.user());
    builder.environment().put("MESSAGEBOARD_DB_PASSWORD", server.password());
    builder.environment().put("MESSAGEBOARD_HTTP_PORT", Integer.toString(httpPort));
    builder.environment().put("MESSAGEBOARD_MANAGEMENT_PORT", Integer.toString(managementPort));
    builder.environment().put("MESSAGEBOARD_REPLICA_ID", "stream-test");
    builder.environment().put("MESSAGEBOARD_SHUTDOWN_DRAIN", "0s");
    return builder.start();
  }

  private static void awaitReady(HttpClient client, Process service, int managementPort)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(service.isAlive()).as("service process running").isTrue();
      try {
        HttpResponse<String> ready =
            client.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("service not ready within 60 s");
  }

  // Sums jvm_memory_used_bytes over the heap pools from /metrics, keeping the highest value seen.
  private static Thread sampleHeap(HttpClient client, int managementPort, AtomicLong peak) {
    Thread sampler =
        new Thread(
            () -> {
              HttpRequest metrics =
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + managementPort + "/metrics"))
                      .build();
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  long used =
                      client
                          .send(metrics, HttpResponse.BodyHandlers.ofString())
                          .body()
                          .lines()
                          .filter(
                              line ->
                                  line.startsWith("jvm_memory_used_bytes{")
                                      && line.contains("area=\"heap\""))
                          .mapToLong(
                              line ->
                                  (long)
                                      Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                          .sum();
                  peak.accumulateAndGet(used, Math::max);
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  return;
                } catch (IOException | RuntimeException e) {
                  // a missed sample only lowers the reported peak
                }
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    return sampler;
  }

  private static long countRows(InputStream body) throws IOException {
    long rows = 0;
    int matched = 0;
    byte[] buffer = new byte[64 * 1024];
    for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
      for (int i = 0; i < read; i++) {
        matched = buffer[i] == ROW_END[matched] ? matched + 1 : (buffer[i] == ROW_END[0] ? 1 : 0);
        if (matched == ROW_END.length) {
          rows++;
          matched = 0;
        }
      }
    }
    return rows;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void stop(Process service) throws InterruptedException {
    service.destroy();
    if (!service.waitFor(30, TimeUnit.SECONDS)) {
      service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
