package io.messageboard.bench.harness;

import io.messageboard.bench.cluster.ClusterFacts;
import io.messageboard.bench.cluster.GaleraCounters;
import io.messageboard.bench.plan.Program;
import io.messageboard.bench.plan.Route;
import io.messageboard.bench.plan.Scenario;
import io.messageboard.bench.proc.ListeningSockets;
import io.messageboard.bench.proc.ProcessSampler.Watched;
import io.messageboard.bench.settings.Topology;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local stack under the lock every user of it holds, twice: with the Galera cluster, every
 * scenario through nginx, then the open loop, and GET by id and POST straight to one replica as
 * well; then with a single MariaDB in the cluster's place, GET by id and POST through nginx and
 * straight to one replica, so that the report can say what the cluster costs. Each stack is purged
 * after its rounds.
 */
final class StackRounds {

  private static final Duration LOCK_WAIT = Duration.ofMinutes(30);
  private static final String SCHEMA = "messageboard";
  private static final List<Scenario> CLUSTER_COST = List.of(Scenario.GET_BY_ID, Scenario.POST);

  /** One stack to measure and where its programs listen. */
  record StackUnderTest(LocalStack stack, Topology topology) {}

  private final Run run;
  private final StackUnderTest cluster;
  private final StackUnderTest singleNode;
  private final ListeningSockets sockets;

  StackRounds(
      Run run, StackUnderTest cluster, StackUnderTest singleNode, ListeningSockets sockets) {
    this.run = run;
    this.cluster = cluster;
    this.singleNode = singleNode;
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
      Log.info("the local stack with the Galera cluster");
      on(cluster, this::clusterRounds);
      Log.info("the local stack with a single MariaDB server");
      on(singleNode, this::singleNodeRounds);
    }
  }

  private interface Rounds {
    void run(Wrk wrk, StackUnderTest stack) throws IOException;
  }

  /** Brings the stack up with the run's messages and an unlimited rate, measures, purges it. */
  private void on(StackUnderTest layout, Rounds rounds) throws IOException {
    LocalStack stack = layout.stack();
    stack.up();
    try {
      stack.database(layout.topology().database().name()).loadMessages(SCHEMA, Run.ROWS);
      stack.rateLimit("100000r/s", "100000");
      rounds.run(run.wrk().withToken(stack.apiToken()), layout);
      stack.sharedRateLimit();
    } finally {
      stack.downIfUp();
    }
  }

  private void clusterRounds(Wrk wrk, StackUnderTest cluster) throws IOException {
    Topology topology = cluster.topology();
    List<Watched> watched = watched(topology);
    warmUp(wrk, nginxUrl(topology), List.of(Scenario.values()));
    for (int round : run.mode().roundNumbers()) {
      for (Scenario scenario : Scenario.values()) {
        if (!CLUSTER_COST.contains(scenario)) {
          measure(wrk, Route.NGINX, scenario, round, nginxUrl(topology), watched);
          continue;
        }
        for (Route route : List.of(Route.NGINX, Route.REPLICA)) {
          Turn turn = new Turn(route, scenario, Program.MESSAGEBOARD.id(), round);
          String url = route == Route.NGINX ? nginxUrl(topology) : replicaUrl(topology);
          Measure.wrk(run, wrk, turn, url, watched, galeraCounters(cluster, turn));
        }
      }
    }
    new OpenLoopRounds(run, Route.NGINX, topology.nginx().port(), wrk.apiToken()).measure(watched);
  }

  private void singleNodeRounds(Wrk wrk, StackUnderTest singleServer) {
    Topology topology = singleServer.topology();
    List<Watched> watched = watched(topology);
    warmUp(wrk, nginxUrl(topology), CLUSTER_COST);
    for (int round : run.mode().roundNumbers()) {
      for (Scenario scenario : CLUSTER_COST) {
        measure(wrk, Route.SINGLE_NODE_NGINX, scenario, round, nginxUrl(topology), watched);
        measure(wrk, Route.SINGLE_NODE_REPLICA, scenario, round, replicaUrl(topology), watched);
      }
    }
  }

  /**
   * Each node's Galera counters around a measurement, recorded as what they moved by (flow control,
   * certification failures, write sets), for the report to explain the cluster's cost.
   */
  private Measure.Window galeraCounters(StackUnderTest cluster, Turn turn) {
    return () -> {
      Map<String, GaleraCounters> before = galeraCounters(cluster);
      return () -> {
        Map<String, GaleraCounters> moved = new LinkedHashMap<>();
        galeraCounters(cluster)
            .forEach((node, now) -> moved.put(node, now.since(before.get(node))));
        run.results()
            .fact(
                ClusterFacts.key(turn.route().id(), turn.scenario().id(), turn.round()),
                ClusterFacts.value(moved));
      };
    };
  }

  private static Map<String, GaleraCounters> galeraCounters(StackUnderTest cluster) {
    Map<String, GaleraCounters> perNode = new LinkedHashMap<>();
    for (Topology.Endpoint node : cluster.topology().withRole("database")) {
      perNode.put(
          node.name(),
          GaleraCounters.parse(
              cluster.stack().database(node.name()).execute(null, GaleraCounters.QUERY)));
    }
    return perNode;
  }

  /** JIT warm-up of every replica: nginx spreads the load over them. */
  private void warmUp(Wrk wrk, String url, List<Scenario> scenarios) {
    Log.info(
        "warming up the replicas through nginx ("
            + run.mode().jitWarmUpSeconds()
            + " s per scenario, not measured)");
    for (Scenario scenario : scenarios) {
      wrk.run(run.mode().jitWarmUpSeconds(), scenario, url);
    }
  }

  private void measure(
      Wrk wrk, Route route, Scenario scenario, int round, String url, List<Watched> watched) {
    Measure.wrk(
        run, wrk, new Turn(route, scenario, Program.MESSAGEBOARD.id(), round), url, watched);
  }

  private static String nginxUrl(Topology topology) {
    return "http://" + topology.nginx().address() + ":" + topology.nginx().port();
  }

  /** The first replica: the one the direct turns load. */
  private static String replicaUrl(Topology topology) {
    Topology.Endpoint replica = topology.replicas().get(0);
    return "http://" + replica.address() + ":" + replica.port();
  }

  /**
   * nginx (master and workers), each replica, each database node and the database proxy if there is
   * one, found by the addresses and ports they listen on.
   */
  private List<Watched> watched(Topology topology) {
    List<Watched> watched = new ArrayList<>();
    watched.add(watch(topology.nginx()));
    topology.replicas().forEach(replica -> watched.add(watch(replica)));
    topology.withRole("database").forEach(node -> watched.add(watch(node)));
    topology.withRole("database-proxy").forEach(proxy -> watched.add(watch(proxy)));
    return watched;
  }

  private Watched watch(Topology.Endpoint endpoint) {
    List<Long> pids = sockets.pidsListeningOn(endpoint.address(), endpoint.port());
    if (pids.isEmpty()) {
      throw new IllegalStateException(
          "nothing listens on "
              + endpoint.name()
              + "'s address "
              + endpoint.address()
              + ":"
              + endpoint.port());
    }
    return new Watched(endpoint.name(), pids);
  }
}
