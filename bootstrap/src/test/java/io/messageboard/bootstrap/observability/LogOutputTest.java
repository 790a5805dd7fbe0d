package io.messageboard.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.messageboard.adapter.http.CompletedRequest;
import io.messageboard.bootstrap.config.Settings.LogFormat;
import io.messageboard.domain.model.ReplicaId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Configures a private logback context from the shipped logback.xml and reads what it prints. */
class LogOutputTest {

  @AfterEach
  void clearChoice() {
    System.clearProperty(LogOutput.FORMAT_PROPERTY);
  }

  @Test
  void jsonFormatPrintsOneJsonObjectPerLineWithAccessFields() throws Exception {
    List<String> lines = printAccessLine(LogFormat.JSON);

    assertThat(lines).hasSize(1);
    JsonNode line = new ObjectMapper().readTree(lines.get(0));
    assertThat(line.path("level").asText()).isEqualTo("INFO");
    assertThat(line.path("loggerName").asText()).isEqualTo(AccessLog.LOGGER);
    assertThat(line.path("formattedMessage").asText()).startsWith("GET /data/{id} 200");
    assertThat(line.path("kvpList").toString())
        .contains("{\"requestId\":\"req-9\"}")
        .contains("{\"route\":\"/data/{id}\"}");
  }

  @Test
  void textFormatPrintsTimestampLevelAndMessage() throws Exception {
    List<String> lines = printAccessLine(LogFormat.TEXT);

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .matches(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO .*io\\.messageboard\\.access - GET /data/\\{id\\} 200 .*");
  }

  private static List<String> printAccessLine(LogFormat format) throws Exception {
    LogOutput.select(format);
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(LogOutputTest.class.getResource("/logback.xml"));
      AccessLog accessLog = new AccessLog(new ReplicaId("r"), context.getLogger(AccessLog.LOGGER));
      accessLog.completed(
          new CompletedRequest("req-9", "GET", "/data/{id}", 200, Duration.ofMillis(3)));
    } finally {
      context.stop();
      System.setOut(original);
    }
    return captured
        .toString(StandardCharsets.UTF_8)
        .lines()
        .filter(line -> !line.isBlank())
        .toList();
  }
}
