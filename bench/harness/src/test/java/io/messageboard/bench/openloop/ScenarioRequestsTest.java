package io.messageboard.bench.openloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.bench.plan.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScenarioRequestsTest {

  @Test
  void getsAMessageByAnIdAmongTheLoadedRows() {
    ScenarioRequests requests =
        new ScenarioRequests(Scenario.GET_BY_ID, "127.0.0.1:18080", 3, "", "1700000000", 1);

    assertThat(IntStream.range(0, 200).mapToObj(i -> text(requests.next())))
        .allMatch(
            r ->
                r.matches(
                    "GET /api/v1/messages/[123] HTTP/1\\.1\r\nHost: 127\\.0\\.0\\.1:18080\r\n\r\n"))
        .contains(
            "GET /api/v1/messages/1 HTTP/1.1\r\nHost: 127.0.0.1:18080\r\n\r\n",
            "GET /api/v1/messages/3 HTTP/1.1\r\nHost: 127.0.0.1:18080\r\n\r\n");
  }

  @Test
  void postsATextUniqueToTheRunTheSenderAndItsCountAsPostLuaDoes() {
    ScenarioRequests requests =
        new ScenarioRequests(Scenario.POST, "127.0.0.1:18080", 3, "", "1700000000", 7);

    requests.next();

    assertThat(text(requests.next()))
        .isEqualTo(
            "POST /api/v1/messages HTTP/1.1\r\nHost: 127.0.0.1:18080\r\n"
                + "Content-Type: application/json\r\nContent-Length: 31\r\n\r\n"
                + "{\"text\":\"bench 1700000000-7-2\"}");
  }

  @Test
  void carriesTheBearerTokenWhenGivenOne() {
    ScenarioRequests requests =
        new ScenarioRequests(Scenario.POST, "127.0.0.1:8443", 3, "s3cret", "1700000000", 1);

    assertThat(text(requests.next())).contains("\r\nAuthorization: Bearer s3cret\r\n");
  }

  @Test
  void sendsOnlyGetByIdAndPost() {
    assertThatThrownBy(
            () -> new ScenarioRequests(Scenario.PUT, "127.0.0.1:1", 3, "", "1", 1).next())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("put");
  }

  private static String text(byte[] request) {
    return new String(request, StandardCharsets.UTF_8);
  }
}
