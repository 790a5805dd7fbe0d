package io.messageboard.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.messageboard.adapter.http.CompletedRequest;
import io.messageboard.domain.model.ReplicaId;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccessLogTest {

  private final CapturedLogs logs = new CapturedLogs(AccessLog.LOGGER);
  private final AccessLog accessLog = new AccessLog(new ReplicaId("replica-3"));

  @AfterEach
  void close() {
    logs.close();
  }

  @Test
  void writesOneLineWithRequestIdMethodRouteStatusDurationAndReplica() {
    accessLog.completed(
        new CompletedRequest(
            "req-42", "PUT", "/api/v1/messages/{id}", 412, Duration.ofNanos(2_340_000)));

    assertThat(logs.events()).hasSize(1);
    ILoggingEvent event = logs.events().get(0);
    assertThat(event.getLevel()).isEqualTo(Level.INFO);
    assertThat(event.getFormattedMessage())
        .isEqualTo("PUT /api/v1/messages/{id} 412 2.3 ms request_id=req-42 replica=replica-3");
  }

  @Test
  void carriesTheSameFieldsAsKeyValuesForJsonLines() {
    accessLog.completed(
        new CompletedRequest("req-7", "GET", "NOT_FOUND", 404, Duration.ofMillis(1)));

    Map<String, String> fields =
        logs.events().get(0).getKeyValuePairs().stream()
            .collect(Collectors.toMap(pair -> pair.key, pair -> String.valueOf(pair.value)));
    assertThat(fields)
        .containsEntry("requestId", "req-7")
        .containsEntry("method", "GET")
        .containsEntry("route", "NOT_FOUND")
        .containsEntry("status", "404")
        .containsEntry("durationMs", "1.0")
        .containsEntry("replica", "replica-3");
  }
}
