package io.messageboard.client.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A problem document read for what the client acts on, and told in one line. */
class ProblemTest {

  @Test
  void aProblemIsToldWithItsStatusKindDetailAndRequestId() {
    Problem problem =
        Problem.of(
            404,
            ("{\"type\":\"urn:messageboard:problem:message-not-found\",\"detail\":\"Message 4 not"
                    + " found\",\"requestId\":\"abc\"}")
                .getBytes(StandardCharsets.UTF_8));

    assertThat(problem).hasToString("404 message-not-found: Message 4 not found (request abc)");
  }

  @Test
  void aProblemWithoutARequestIdIsToldWithoutOne() {
    assertThat(Problem.generic(502)).hasToString("502 http-502: the service answered HTTP 502");
  }
}
