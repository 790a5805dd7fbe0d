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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** MariaDB killed with kill -9 during a stream of POSTs: no acknowledged write is lost. */
class DatabaseKilledIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final LocalStack local = new LocalStack(StackUnderTest.fromSystemProperties());

  @Test
  void everyMessageAcknowledgedWith201IsThereWithItsTextAfterMariaDbIsKilled() throws Exception {
    long firstId = ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L);
    LoadLoop load =
        new LoadLoop(
                local.stack().baseUrl(),
                local.stack().apiToken(),
                4,
                40,
                i ->
                    new LoadLoop.Request(
                        "POST",
                        "/api/v1/messages",
                        "{\"id\": " + (firstId + i) + ", \"text\": \"" + text(firstId + i) + "\"}"))
            .start(Duration.ofSeconds(20));

    Thread.sleep(4_000);
    local.kill(local.pid("mariadb"), "KILL");
    long recoveryMillis = local.awaitAllReady(Duration.ofSeconds(90), System.nanoTime());
    LoadFigures figures = load.finish();

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
        "kill -9 MariaDB during a stream of POSTs with client-chosen ids",
        outcome -> outcome.status() == 201,
        "acknowledged (201) "
            + acknowledged.size()
            + ", of them present with their text afterwards "
            + (acknowledged.size() - lost.size())
            + ", lost "
            + lost.size()
            + "; all replicas ready "
            + recoveryMillis
            + " ms after the kill; refused ids by status: "
            + refused);
    assertThat(acknowledged).hasSizeGreaterThan(100);
    assertThat(lost).as("acknowledged writes lost").isEmpty();
    assertThat(refused.keySet()).as("statuses of refused writes").isSubsetOf(-1, 502, 503);
  }

  private static String text(long id) {
    return "durable message " + id;
  }
}
