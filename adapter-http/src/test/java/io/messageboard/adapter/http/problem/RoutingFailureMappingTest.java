package io.messageboard.adapter.http.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Statuses Javalin or Jetty raise themselves, as problems. */
class RoutingFailureMappingTest {

  @Test
  void a503IsAReplicaUnavailableThatAsksForARetryAfterASecond() {
    Failure failure = FailureMapping.routingFailure(503);

    assertThat(failure.status()).isEqualTo(503);
    assertThat(failure.slug()).isEqualTo("replica-unavailable");
    assertThat(failure.title()).isEqualTo("Replica unavailable");
    assertThat(failure.detail()).contains("stopping or overloaded", "another replica");
    assertThat(failure.retryAfterSeconds()).contains(1);
  }

  @Test
  void aStatusWithoutItsOwnProblemAsksForNoRetry() {
    Failure failure = FailureMapping.routingFailure(502);

    assertThat(failure.slug()).isEqualTo("http-502");
    assertThat(failure.retryAfterSeconds()).isEmpty();
  }
}
