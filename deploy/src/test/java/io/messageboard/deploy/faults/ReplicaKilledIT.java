package io.messageboard.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.messageboard.deploy.e2e.StackUnderTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A replica killed with kill -9 under GET load: nginx fails over, supervisord brings it back. */
class ReplicaKilledIT {

  private final LocalStack local = new LocalStack(StackUnderTest.fromSystemProperties());

  @Test
  void noGetFailsWhileAReplicaIsKilledAndItComesBackAndPrometheusSawItDown() throws Exception {
    String victim = "app-2";
    LoadLoop load =
        new LoadLoop(
                local.stack().baseUrl(),
                4,
                40,
                i -> LoadLoop.Request.get(i % 2 == 0 ? "/api/v1/messages?limit=5" : "/data/1"))
            .start(Duration.ofSeconds(25));

    Thread.sleep(3_000);
    long killedPid = local.pid(victim);
    local.kill(killedPid, "KILL");
    long killedAt = System.nanoTime();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> local.readinessStatus(victim) == 200 && local.pid(victim) != killedPid);
    long recoveryMillis = (System.nanoTime() - killedAt) / 1_000_000;

    LoadFigures figures =
        load.finish()
            .print(
                "kill -9 " + victim + " during GET load through nginx",
                outcome -> outcome.status() == 200 || outcome.status() == 404,
                "back and ready after " + recoveryMillis + " ms (restarted by supervisord)");
    assertThat(figures.matching(o -> o.status() != 200 && o.status() != 404))
        .as("failed GETs")
        .isEmpty();
    assertThat(figures.sent()).isGreaterThan(1_000);
    assertThat(LocalStack.status(local.replicaUrl(victim) + "/")).isEqualTo(200);

    PrometheusQueries prometheus = new PrometheusQueries(local.stack().prometheusUrl());
    String up = "up{job=\"messageboard\",replica=\"" + victim + "\"}";
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(prometheus.value("min_over_time(" + up + "[5m])"))
                  .as("Prometheus saw %s down", victim)
                  .hasValue(0);
              assertThat(prometheus.value(up)).as("and back up").hasValue(1);
            });
  }
}
