package io.messageboard.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.messageboard.bootstrap.Application;
import io.messageboard.bootstrap.config.TestSettings;
import io.messageboard.bootstrap.management.LoopbackHttp;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccessLogThroughApiTest {

  private static final String SECRET_TEXT = "pineapple-pizza-confession";

  private final CapturedLogs accessLines = new CapturedLogs(AccessLog.LOGGER);
  private final CapturedLogs allLines = new CapturedLogs(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Application application = new Application(TestSettings.inMemory()).start();

  @AfterEach
  void stop() {
    application.stop();
    accessLines.close();
    allLines.close();
  }

  @Test
  void logsEveryApiRequestOnceWithItsRouteTemplateAndRequestId() {
    HttpResponse<String> posted =
        LoopbackHttp.postJson(
            application.httpPort(), "/data", "{\"clid\": 31, \"mess\": \"" + SECRET_TEXT + "\"}");
    HttpResponse<String> read = LoopbackHttp.get(application.httpPort(), "/data/31");

    List<ILoggingEvent> events = accessLines.events();
    assertThat(events).hasSize(2);
    assertThat(events.get(0).getFormattedMessage())
        .startsWith("POST /data " + posted.statusCode() + " ")
        .endsWith(
            "request_id="
                + posted.headers().firstValue("X-Request-Id").orElseThrow()
                + " replica=test-replica");
    assertThat(events.get(1).getFormattedMessage())
        .startsWith("GET /data/{id} 200 ")
        .contains("request_id=" + read.headers().firstValue("X-Request-Id").orElseThrow());
  }

  @Test
  void neverLogsMessageText() {
    LoopbackHttp.postJson(
        application.httpPort(), "/api/v1/messages", "{\"text\": \"" + SECRET_TEXT + "\"}");
    LoopbackHttp.get(application.httpPort(), "/data");

    assertThat(allLines.events()).isNotEmpty();
    assertThat(allLines.events())
        .noneSatisfy(event -> assertThat(event.getFormattedMessage()).contains(SECRET_TEXT));
  }
}
