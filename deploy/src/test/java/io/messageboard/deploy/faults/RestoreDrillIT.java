package io.messageboard.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.messageboard.deploy.e2e.StackUnderTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The restore drill, as an operator would run it after a mistake: under POST load a backup is taken
 * and writing goes on; at a whole second T the board is noted ({@code CHECKSUM TABLE}) and more
 * messages are posted after it; then every message is deleted by mistake and {@code
 * deploy/local/stack restore --to T} brings back the board of T. Every message acknowledged before
 * T is back with its text and version, none posted after T is, the checksum is T's on every node,
 * and the replicas serve the restored board through nginx. Prints the backup's size and time, the
 * restore's steps and time, and the recovery point it reached.
 */
class RestoreDrillIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final String COLLECTION = "/api/v1/messages";
  private static final int WORKERS = 2;
  private static final int POSTS_PER_SECOND_PER_WORKER = 20;

  private final LocalStack local = new LocalStack(StackUnderTest.fromSystemProperties());
  private final ClusterNodes nodes = new ClusterNodes(local);
  private final long firstId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
  private final Map<Long, String> acknowledged = new ConcurrentHashMap<>();

  @Test
  void restoreToATimeBringsBackTheBoardOfThatTimeAfterEveryMessageWasDeleted() throws Exception {
    nodes.awaitHealthy();
    LoadLoop before = posts(firstId).start(Duration.ofMinutes(3));
    ClusterFaultRun.sleep(Duration.ofSeconds(3));
    long backupStarted = System.nanoTime();
    String backup = lastLine(local.stackScript(Duration.ofMinutes(5), "backup"));
    long backupMillis = ClusterFaultRun.millisSince(backupStarted);
    ClusterFaultRun.sleep(Duration.ofSeconds(5));
    LoadFigures beforeFigures = before.stop();
    Map<Long, String> acknowledgedBeforeT = Map.copyOf(acknowledged);

    // Nothing is in flight from here to T, so the board of T is the one the checksum notes.
    Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
    Map<String, String> checksumsAtT = nodes.checksums();
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), t).toMillis() + 20));
    acknowledged.clear();
    LoadFigures afterFigures = posts(firstId + 1_000_000).start(Duration.ofSeconds(5)).finish();
    Set<Long> postedAfterT = Set.copyOf(acknowledged.keySet());

    nodes.query(nodes.writer(), "DELETE FROM messageboard.messages");
    assertThat(nodes.query(nodes.writer(), "SELECT COUNT(*) FROM messageboard.messages"))
        .as("every message deleted")
        .isEqualTo(List.of(List.of("0")));
    long restoreStarted = System.nanoTime();
    String restore = local.stackScript(Duration.ofMinutes(10), "restore", "--to", UTC.format(t));
    long restoreMillis = ClusterFaultRun.millisSince(restoreStarted);
    long syncedMillis = nodes.awaitAllSynced(Duration.ofMinutes(3), restoreStarted);

    Map<String, List<String>> wrong = new TreeMap<>();
    for (String node : nodes.names()) {
      wrong.put(node, wrongMessages(node, acknowledgedBeforeT, postedAfterT));
    }
    Map<String, String> checksumsAfter = nodes.checksums();
    List<String> servedWrong = servedWrong(acknowledgedBeforeT, postedAfterT);
    System.out.printf(
        "[fault] restore drill: backup %s (%s) took %d ms under load; %d messages acknowledged"
            + " before T = %s UTC (%s), %d after it (%s); restore --to T took %d ms, every node"
            + " Synced %d ms after it began; CHECKSUM TABLE at T %s, after the restore %s;"
            + " missing or wrong per node %s; served wrong through nginx %d%n[fault]   what restore"
            + " said: %s%n",
        backup,
        backupLine(backup),
        backupMillis,
        acknowledgedBeforeT.size(),
        UTC.format(t),
        beforeFigures.byStatus(),
        postedAfterT.size(),
        afterFigures.byStatus(),
        restoreMillis,
        syncedMillis,
        checksumsAtT,
        checksumsAfter,
        wrong.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size()).toList(),
        servedWrong.size(),
        restore
            .lines()
            .filter(line -> line.matches("\\s*\\d+ s  .*") || line.contains("restored in"))
            .toList());

    assertThat(acknowledgedBeforeT).as("messages acknowledged before T").isNotEmpty();
    assertThat(postedAfterT).as("messages acknowledged after T").isNotEmpty();
    wrong.forEach((node, list) -> assertThat(list).as("messages wrong on %s", node).isEmpty());
    assertThat(Set.copyOf(checksumsAtT.values())).as("checksums at T %s", checksumsAtT).hasSize(1);
    assertThat(checksumsAfter).as("CHECKSUM TABLE after the restore").isEqualTo(checksumsAtT);
    assertThat(servedWrong).as("messages served wrong through nginx").isEmpty();
  }

  private LoadLoop posts(long fromId) {
    return new LoadLoop(
            local.stack().baseUrl(),
            local.stack().apiToken(),
            WORKERS,
            POSTS_PER_SECOND_PER_WORKER,
            sequence -> {
              long id = fromId + sequence;
              return new LoadLoop.Request(
                  "POST", COLLECTION, "{\"id\": " + id + ", \"text\": \"" + text(id) + "\"}");
            })
        .observing(
            outcome -> {
              if (outcome.status() == 201) {
                long id = idOf(outcome.body());
                acknowledged.put(id, text(id));
              }
            });
  }

  private static long idOf(String message) {
    try {
      return JSON.readTree(message).get("id").asLong();
    } catch (IOException e) {
      throw new UncheckedIOException(message, e);
    }
  }

  private static String lastLine(String output) {
    return output.strip().lines().reduce((first, second) -> second).orElse("");
  }

  private static String text(long id) {
    return "restore drill message " + id;
  }

  /** On one node: each message of T there as acknowledged (version 1), none posted after T. */
  private List<String> wrongMessages(String node, Map<Long, String> beforeT, Set<Long> afterT) {
    Map<Long, ClusterNodes.StoredMessage> stored =
        nodes.messages(node, firstId, firstId + 2_000_000);
    List<String> wrong = new ArrayList<>();
    beforeT.forEach(
        (id, text) -> {
          ClusterNodes.StoredMessage message = stored.get(id);
          if (message == null || message.version() != 1 || !message.text().equals(text)) {
            wrong.add(id + " acknowledged before T: stored " + message);
          }
        });
    afterT.stream()
        .filter(stored::containsKey)
        .forEach(id -> wrong.add(id + " posted after T is there"));
    return wrong;
  }

  /** A sample of both kinds read through nginx: those of T are served, the later ones are 404. */
  private List<String> servedWrong(Map<Long, String> beforeT, Set<Long> afterT) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    List<String> wrong = new ArrayList<>();
    for (long id : beforeT.keySet().stream().limit(20).toList()) {
      HttpResponse<String> response = get(http, id);
      if (response.statusCode() != 200 || !response.body().contains(beforeT.get(id))) {
        wrong.add(id + ": " + response.statusCode() + " " + response.body());
      }
    }
    for (long id : afterT.stream().limit(20).toList()) {
      HttpResponse<String> response = get(http, id);
      if (response.statusCode() != 404) {
        wrong.add(id + " (after T): " + response.statusCode());
      }
    }
    return wrong;
  }

  private HttpResponse<String> get(HttpClient http, long id) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(local.stack().baseUrl() + COLLECTION + "/" + id)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The backup's line of {@code stack backups}: its state's time, size and binary-log position. */
  private String backupLine(String name) {
    return local
        .stackScript(Duration.ofMinutes(1), "backups")
        .lines()
        .filter(line -> line.startsWith(name + " "))
        .findFirst()
        .orElse("not listed");
  }
}
