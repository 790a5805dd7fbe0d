package io.messageboard.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.deploy.e2e.StackUnderTest;
import io.messageboard.deploy.e2e.Topology;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The case Idempotency-Key exists for: the replica handling a POST dies (kill -9) before it
 * answers; the client retries through nginx with the same key, and exactly one message exists.
 *
 * <p>To catch the POST in flight, the test holds a lock in MariaDB that makes every message insert
 * wait (a locking read of every id from the next one the sequence assigns), learns from the key's
 * row which replica took the key, and kills that replica while its insert waits.
 */
class PostRetriedAfterReplicaKilledIT {

  private static final String DATABASE = "messageboard";
  private static final Duration RETRY_FOR_AT_MOST = Duration.ofSeconds(90);

  private final LocalStack local = new LocalStack(StackUnderTest.fromSystemProperties());
  private final ClusterNodes nodes = new ClusterNodes(local);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void aPostWhoseReplicaWasKilledAndThatIsRetriedWithItsKeyExistsExactlyOnce() throws Exception {
    String key = "fault-" + UUID.randomUUID();
    String text = "posted once despite kill -9, " + key;
    String body = "{\"text\": \"" + text + "\"}";

    Outcome first;
    String victim;
    long victimPid;
    long killedAt;
    try (Connection lockHolder = database()) {
      holdMessageInserts(lockHolder);
      CompletableFuture<Outcome> firstAttempt =
          CompletableFuture.supplyAsync(() -> post(key, body));
      victim = replicaHolding(key);
      victimPid = local.pid(victim);
      local.kill(victimPid, "KILL");
      killedAt = System.nanoTime();
      first = firstAttempt.get(60, TimeUnit.SECONDS);
      lockHolder.rollback();
    }

    Map<Integer, Integer> retryStatuses = new TreeMap<>();
    int retries = 0;
    Outcome retry;
    long deadline = System.nanoTime() + RETRY_FOR_AT_MOST.toNanos();
    do {
      retry = post(key, body);
      retries++;
      retryStatuses.merge(retry.status(), 1, Integer::sum);
      if (retry.status() != 201) {
        Thread.sleep(retry.retryAfterSeconds().orElse(1) * 1_000L);
      }
    } while (retry.status() != 201 && System.nanoTime() < deadline);
    long acknowledgedAfterMillis = (System.nanoTime() - killedAt) / 1_000_000;
    Outcome replay = post(key, body);
    long recoveryMillis = local.awaitRestartedAndReady(victim, victimPid, killedAt);
    int stored = messagesWithText(text);

    System.out.printf(
        "%n[fault] kill -9 of the replica handling a POST with an Idempotency-Key, retried through"
            + " nginx%n[fault]   %s held the key; the first attempt got %s after the kill%n"
            + "[fault]   %d retries with the same key: statuses %s; 201 (%s) %d ms after the kill%n"
            + "[fault]   one more retry: %d, Idempotent-Replayed: %s; messages with the text: %d;"
            + " %s back and ready after %d ms%n",
        victim,
        first.status() == -1 ? "a failed connection" : "status " + first.status(),
        retries,
        retryStatuses,
        retry.replayed() ? "replayed" : "fresh: the killed request had stored nothing",
        acknowledgedAfterMillis,
        replay.status(),
        replay.replayed(),
        stored,
        victim,
        recoveryMillis);
    assertThat(first.status()).as("the first attempt got no 201").isNotEqualTo(201);
    assertThat(retry.status()).as("a retry was acknowledged").isEqualTo(201);
    assertThat(retryStatuses.keySet()).as("retry statuses").isSubsetOf(201, 409, 502, 503);
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.replayed()).isTrue();
    assertThat(replay.body()).isEqualTo(retry.body());
    assertThat(stored).as("messages with the posted text").isEqualTo(1);
  }

  private record Outcome(
      int status, String body, boolean replayed, Optional<Integer> retryAfterSeconds) {}

  private Outcome post(String key, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(local.stack().baseUrl() + "/api/v1/messages"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + local.stack().apiToken())
            .header("Idempotency-Key", "\"" + key + "\"")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Outcome(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Idempotent-Replayed").filter("true"::equals).isPresent(),
          response.headers().firstValue("Retry-After").map(Integer::parseInt));
    } catch (IOException e) {
      return new Outcome(-1, "", false, Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // Locks are a node's own on a cluster: the lock must be taken where the replicas write.
  private Connection database() throws SQLException {
    StackUnderTest stack = local.stack();
    Topology.Program writer = nodes.node(nodes.writer());
    return DriverManager.getConnection(
        "jdbc:mariadb://" + writer.address() + ":" + writer.port() + "/" + DATABASE,
        stack.appDatabaseUser(),
        stack.appDatabasePassword());
  }

  // A locking read of every id from the one the message_ids sequence hands out next: the POST's
  // insert, under that id or a later free one, waits until this transaction ends. (Not the gap
  // above the highest id: ids clients chose may lie far above the ones the sequence assigns.)
  private static void holdMessageInserts(Connection connection) throws SQLException {
    connection.setAutoCommit(false);
    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    try (Statement statement = connection.createStatement();
        ResultSet next = statement.executeQuery("SELECT next_not_cached_value FROM message_ids")) {
      next.next();
      try (PreparedStatement lock =
          connection.prepareStatement("SELECT COUNT(*) FROM messages WHERE clid >= ? FOR UPDATE")) {
        lock.setLong(1, next.getLong(1));
        lock.executeQuery().close();
      }
    }
  }

  /** The replica that took the key, once its claim is stored (in flight: no message yet). */
  private String replicaHolding(String key) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    try (Connection connection = database();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT claimed_by FROM idempotency_keys"
                    + " WHERE idempotency_key = ? AND message_id IS NULL")) {
      query.setString(1, key);
      while (System.nanoTime() < deadline) {
        try (ResultSet row = query.executeQuery()) {
          if (row.next()) {
            return row.getString(1);
          }
        }
        Thread.sleep(50);
      }
    }
    throw new AssertionError("no replica took key " + key + " within 20 s");
  }

  private int messagesWithText(String text) throws SQLException {
    try (Connection connection = database();
        PreparedStatement query =
            connection.prepareStatement("SELECT COUNT(*) FROM messages WHERE mess = ?")) {
      query.setString(1, text);
      try (ResultSet count = query.executeQuery()) {
        count.next();
        return count.getInt(1);
      }
    }
  }
}
