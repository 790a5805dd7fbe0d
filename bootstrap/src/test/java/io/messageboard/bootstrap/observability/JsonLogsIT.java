package io.messageboard.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.messageboard.bootstrap.lifecycle.RunningJar;
import io.messageboard.bootstrap.management.LoopbackHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged jar's log output as an operator's log shipper sees it. */
class JsonLogsIT {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void logFormatJsonPrintsEveryLineAsAJsonObjectIncludingAccessFields() throws Exception {
    List<String> lines;
    try (RunningJar jar =
        RunningJar.start(
            Map.of("MESSAGEBOARD_LOG_FORMAT", "json", "MESSAGEBOARD_SHUTDOWN_DRAIN", "0s"))) {
      assertThat(LoopbackHttp.get(jar.apiPort(), "/data/404404").statusCode()).isEqualTo(404);
      jar.terminate();
      assertThat(jar.awaitExit(Duration.ofSeconds(20))).isZero();
      lines = jar.lines();
    }

    List<JsonNode> objects = new ArrayList<>();
    for (String line : lines) {
      objects.add(json.readTree(line));
    }
    assertThat(objects)
        .hasSizeGreaterThan(3)
        .allSatisfy(object -> assertThat(object.isObject()).isTrue());
    assertThat(objects)
        .filteredOn(object -> object.path("loggerName").asText().equals(AccessLog.LOGGER))
        .singleElement()
        .satisfies(
            access -> {
              assertThat(access.path("formattedMessage").asText())
                  .startsWith("GET /data/{id} 404 ");
              assertThat(access.path("kvpList").toString())
                  .contains("{\"route\":\"/data/{id}\"}")
                  .contains("{\"status\":\"404\"}")
                  .contains("{\"replica\":\"it-replica\"}")
                  .contains("\"requestId\"");
            });
  }

  @Test
  void startupLineNamesBothUrlsStorageReplicaAndTimeToReady() throws Exception {
    try (RunningJar jar = RunningJar.start(Map.of("MESSAGEBOARD_SHUTDOWN_DRAIN", "0s"))) {
      assertThat(jar.readyAfterMillis()).isPositive().isLessThan(60_000);
      assertThat(jar.lines())
          .anyMatch(
              line ->
                  line.contains("replica it-replica ready in ")
                      && line.contains("API http://localhost:" + jar.apiPort() + "/")
                      && line.contains("management http://localhost:" + jar.managementPort() + "/")
                      && line.contains("storage in-memory"));
      jar.terminate();
      assertThat(jar.awaitExit(Duration.ofSeconds(20))).isZero();
    }
  }
}
