package io.messageboard.bench.harness;

import io.messageboard.bench.plan.Program;
import io.messageboard.bench.plan.Route;
import io.messageboard.bench.plan.Scenario;
import io.messageboard.bench.proc.ListeningSockets;
import io.messageboard.bench.proc.ProcessSampler.Watched;
import io.messageboard.bench.settings.Topology;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every scenario through nginx and the local stack's replicas, as deploy/local/stack runs them,
 * then the open loop, under the lock every user of the stack holds; the stack is purged afterwards.
 */
final class StackRounds {

  private static final Duration LOCK_WAIT = Duration.ofMinutes(30);
  private static final String SCHEMA = "messageboard";

  private final Run run;
  private final LocalStack stack;
  private final Topology topology;
  private final ListeningSockets sockets;

  StackRounds(Run run, LocalStack stack, Topology topology, ListeningSockets sockets) {
    this.run = run;
    this.stack = stack;
    this.topology = topology;
    this.sockets = sockets;
  }

  void measure() throws IOException {
    Log.info("waiting for the local stack's lock (" + StackLock.STACK + ")");
    Optional<StackLock> lock = StackLock.acquire(StackLock.STACK, LOCK_WAIT);
    if (lock.isEmpty()) {
      Log.info("the local stack stayed busy; skipping the nginx scenarios");
      run.results()
          .fact("through nginx", "skipped: the local stack's lock was not free within 30 minutes");
      return;
    }
    try (StackLock held = lock.get()) {
      stack.up();
      try {
        stack.database(topology.database().name()).loadMessages(SCHEMA, Run.ROWS);
        stack.rateLimit("100000r/s", "100000");
        rounds(run.wrk().withToken(stack.apiToken()));
        stack.sharedRateLimit();
      } finally {
        stack.downIfUp();
      }
    }
  }

  private void rounds(Wrk wrk) throws IOException {
    String url = "http://127.0.0.1:" + topology.nginx().port();
    List<Watched> watched = watched();
    Log.info(
        "warming up the replicas through nginx ("
            + run.mode().jitWarmUpSeconds()
            + " s per scenario, not measured)");
    for (Scenario scenario : Scenario.values()) {
      wrk.run(run.mode().jitWarmUpSeconds(), scenario, url);
    }
    for (int round : run.mode().roundNumbers()) {
      for (Scenario scenario : Scenario.values()) {
        Measure.wrk(
            run,
            wrk,
            new Turn(Route.NGINX, scenario, Program.MESSAGEBOARD.id(), round),
            url,
            watched);
      }
    }
    new OpenLoopRounds(run, Route.NGINX, topology.nginx().port(), wrk.apiToken()).measure(watched);
  }

  /**
   * nginx (master and workers), each replica and the database, found by the ports they listen on.
   */
  private List<Watched> watched() {
    List<Watched> watched = new ArrayList<>();
    watched.add(watch(topology.nginx()));
    topology.replicas().forEach(replica -> watched.add(watch(replica)));
    watched.add(watch(topology.database()));
    return watched;
  }

  private Watched watch(Topology.Endpoint endpoint) {
    List<Long> pids = sockets.pidsListeningOn(endpoint.port());
    if (pids.isEmpty()) {
      throw new IllegalStateException(
          "nothing listens on " + endpoint.name() + "'s port " + endpoint.port());
    }
    return new Watched(endpoint.name(), pids);
  }
}
