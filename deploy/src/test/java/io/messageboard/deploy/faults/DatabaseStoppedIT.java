package io.messageboard.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.messageboard.deploy.e2e.StackUnderTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * MariaDB stopped for 10 s under mixed load: clients get fast 503s with Retry-After, readiness
 * follows, and every replica serves again soon after MariaDB returns, without a restart.
 */
class DatabaseStoppedIT {

  private static final List<String> REPLICAS = LocalStack.REPLICAS;
  private static final long POOL_TIMEOUT_MILLIS = 3_000;

  private final LocalStack local = new LocalStack(StackUnderTest.fromSystemProperties());

  @Test
  void failuresAreFast503sAndEveryReplicaRecoversWithoutARestart() throws Exception {
    Map<String, Long> pids = new TreeMap<>();
    REPLICAS.forEach(replica -> pids.put(replica, local.pid(replica)));
    LoadLoop load =
        new LoadLoop(
                local.stack().baseUrl(),
                local.stack().apiToken(),
                4,
                20,
                MixedRequests::readsAndWrites)
            .start(Duration.ofSeconds(30));

    Thread.sleep(3_000);
    local.stop("mariadb");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(REPLICAS)
                    .allSatisfy(r -> assertThat(local.readinessStatus(r)).isEqualTo(503)));
    Thread.sleep(10_000);
    local.start("mariadb");
    long recoveryMillis = local.awaitAllReady(Duration.ofSeconds(5), System.nanoTime());
    for (String replica : REPLICAS) {
      assertThat(LocalStack.status(local.replicaUrl(replica) + "/api/v1/messages?limit=1"))
          .as("%s serves again", replica)
          .isEqualTo(200);
    }

    LoadFigures figures = load.finish();
    figures.print(
        "MariaDB stopped for 10 s during mixed load through nginx",
        MixedRequests::succeeded,
        "slowest 503: "
            + figures.slowestMillis(o -> o.status() == 503)
            + " ms; every replica ready and serving "
            + recoveryMillis
            + " ms after MariaDB returned, none restarted");
    assertThat(figures.matching(o -> !MixedRequests.succeeded(o)))
        .as("every failure is a 503 with Retry-After")
        .allSatisfy(
            outcome -> {
              assertThat(outcome.status()).isEqualTo(503);
              assertThat(outcome.retryAfter()).isNotBlank();
              assertThat(outcome.body())
                  .contains(
                      outcome.request().path().startsWith("/api/v1")
                          ? "urn:messageboard:problem:storage-unavailable"
                          : "Cannot connect to the database");
            });
    assertThat(figures.matching(o -> o.status() == 503)).as("503s during the outage").isNotEmpty();
    assertThat(figures.slowestMillis(o -> o.status() == 503))
        .as("slowest 503, ms")
        .isLessThanOrEqualTo(POOL_TIMEOUT_MILLIS + 1_000);
    REPLICAS.forEach(replica -> assertThat(local.pid(replica)).isEqualTo(pids.get(replica)));
  }
}
