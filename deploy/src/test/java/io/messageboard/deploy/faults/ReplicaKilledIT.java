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
  void noGetFailsWhileAReplicaIsKilledAndItComesBackAndPrometheusSeesTheRestart() throws Exception {
    String victim = "app-2";
    LoadLoop load =
        new LoadLoop(
                local.stack().baseUrl(),
                local.stack().apiToken(),
                4,
                40,
                i -> LoadLoop.Request.get(i % 2 == 0 ? "/api/v1/messages?limit=5" : "/data/1"))
            .start(Duration.ofSeconds(25));

    Thread.sleep(3_000);
    long killedPid = local.pid(victim);
    double killedAtEpochSeconds = System.currentTimeMillis() / 1000.0;
    local.kill(killedPid, "KILL");
    long recoveryMillis = local.awaitRestartedAndReady(victim, killedPid, System.nanoTime());

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

    // The replica is often back within one 5 s scrape interval, so "up" may never read 0; the
    // new process start time is what shows the restart for certain.
    PrometheusQueries prometheus = new PrometheusQueries(local.stack().prometheusUrl());
    String selector = "{job=\"messageboard\",replica=\"" + victim + "\"}";
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(prometheus.value("process_start_time_seconds" + selector).orElse(0))
                  .as("start time of %s in Prometheus", victim)
                  .isGreaterThan(killedAtEpochSeconds - 1);
              assertThat(prometheus.value("up" + selector)).as("and it is up").hasValue(1);
            });
    System.out.printf(
        "[fault]   Prometheus: %s restarted (new process start time), up read 0 in %s scrapes%n",
        victim, prometheus.value("count_over_time((up" + selector + " == 0)[2m:5s])").orElse(0));
  }
}
