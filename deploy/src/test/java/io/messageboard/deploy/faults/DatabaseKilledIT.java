package io.messageboard.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.messageboard.deploy.e2e.StackUnderTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The database node the replicas write to killed with kill -9 during a stream of POSTs: no
 * acknowledged write is lost, and the node comes back (rejoins). Sixteen clients post at once, so
 * that each replica's posts share transactions (coalesced writes); the run prints how many rows the
 * node inserted per commit before the kill.
 */
class DatabaseKilledIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COMMITS = "Com_commit";
  private final LocalStack local = new LocalStack(StackUnderTest.fromSystemProperties());

  @Test
  void everyMessageAcknowledgedWith201IsThereWithItsTextAfterTheWriterNodeIsKilled()
      throws Exception {
    long firstId = ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L);
    LoadLoop load =
        new LoadLoop(
                local.stack().baseUrl(),
                local.stack().apiToken(),
                16,
                40,
                i ->
                    new LoadLoop.Request(
                        "POST",
                        "/api/v1/messages",
                        "{\"id\": " + (firstId + i) + ", \"text\": \"" + text(firstId + i) + "\"}"))
            .start(Duration.ofSeconds(20));

    Thread.sleep(1_000);
    String writer = local.writerNode();
    ClusterNodes nodes = new ClusterNodes(local);
    long storedBefore = nodes.messages(writer, firstId, firstId + 1_000_000).size();
    Map<String, String> before = nodes.status(writer, COMMITS);
    Thread.sleep(3_000);
    long stored = nodes.messages(writer, firstId, firstId + 1_000_000).size() - storedBefore;
    long commits = delta(before, nodes.status(writer, COMMITS), COMMITS);
    long killedAt = System.nanoTime();
    local.kill(local.pid(writer), "KILL");
    long recoveryMillis = local.awaitAllReady(Duration.ofSeconds(90), killedAt);
    LoadFigures figures = load.finish();
    long rejoinedMillis = local.awaitSynced(writer, Duration.ofMinutes(3), killedAt);

    List<Long> acknowledged = new ArrayList<>();
    Map<Integer, List<Long>> refused = new TreeMap<>();
    for (LoadLoop.Outcome outcome : figures.outcomes()) {
      long id = JSON.readTree(outcome.request().body()).get("id").asLong();
      if (outcome.status() == 201) {
        acknowledged.add(id);
      } else {
        refused.computeIfAbsent(outcome.status(), status -> new ArrayList<>()).add(id);
      }
    }
    HttpClient http = HttpClient.newHttpClient();
    List<Long> lost = new ArrayList<>();
    for (long id : acknowledged) {
      HttpResponse<byte[]> read =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(local.replicaUrl("app-1") + "/api/v1/messages/" + id))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      JsonNode message = read.statusCode() == 200 ? JSON.readTree(read.body()) : null;
      if (message == null || !message.get("text").asText().equals(text(id))) {
        lost.add(id);
      }
    }

    figures.print(
        "kill -9 of the writer database node (" + writer + ") during POSTs with client-chosen ids",
        outcome -> outcome.status() == 201,
        "acknowledged (201) "
            + acknowledged.size()
            + ", of them present with their text afterwards "
            + (acknowledged.size() - lost.size())
            + ", lost "
            + lost.size()
            + "; all replicas ready "
            + recoveryMillis
            + " ms after the kill; "
            + writer
            + " serving again "
            + rejoinedMillis
            + " ms after it; refused ids by status: "
            + refused
            + "; in the 3 s before the kill "
            + writer
            + " stored "
            + stored
            + " posts in "
            + commits
            + " commits (the feed's and the other replicas' commits included)");
    assertThat(acknowledged).hasSizeGreaterThan(100);
    assertThat(lost).as("acknowledged writes lost").isEmpty();
    assertThat(refused.keySet()).as("statuses of refused writes").isSubsetOf(-1, 502, 503);
  }

  private static long delta(Map<String, String> before, Map<String, String> after, String name) {
    String key = name.toLowerCase(Locale.ROOT);
    return Long.parseLong(after.getOrDefault(key, "0"))
        - Long.parseLong(before.getOrDefault(key, "0"));
  }

  private static String text(long id) {
    return "durable message " + id;
  }
}
