package io.messageboard.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.messageboard.deploy.e2e.StackUnderTest;
import io.messageboard.deploy.e2e.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The database nodes of the local stack's Galera cluster (the topology's {@code database} lines),
 * asked as root over each node's socket with the {@code mariadb} client, the way an operator would.
 */
final class ClusterNodes {

  /** The user the replicas connect as: where its connections are is where they write. */
  private static final String APP_USER = "messageboard_app";

  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);

  private final LocalStack local;
  private final List<Topology.Program> nodes;

  ClusterNodes(LocalStack local) {
    this.local = local;
    this.nodes = StackUnderTest.topology().of("database");
  }

  List<String> names() {
    return nodes.stream().map(Topology.Program::name).toList();
  }

  Topology.Program node(String name) {
    return nodes.stream()
        .filter(node -> node.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no database node " + name));
  }

  long pid(String name) {
    return local.pid(name);
  }

  /**
   * What the {@code mariadb} client printed for {@code sql} on a node, and how it exited. Without a
   * causality wait: the node answers from its own state, even during a view change.
   */
  LocalStack.Finished answer(String name, String sql) {
    return LocalStack.run(
        List.of(
            "mariadb",
            "--socket=" + local.stack().stateDir().resolve("run/database/" + name + ".sock"),
            "--user=root",
            "--connect-timeout=3",
            "--batch",
            "--skip-column-names",
            "--execute=SET SESSION wsrep_sync_wait = 0; " + sql),
        Map.of(),
        QUERY_TIMEOUT);
  }

  /** Rows of tab-separated columns, or empty when the node does not answer or refuses. */
  Optional<List<List<String>>> tryQuery(String name, String sql) {
    LocalStack.Finished finished = answer(name, sql);
    if (!finished.succeeded()) {
      return Optional.empty();
    }
    return Optional.of(
        finished.output().lines().map(line -> Arrays.asList(line.split("\t", -1))).toList());
  }

  List<List<String>> query(String name, String sql) {
    return tryQuery(name, sql)
        .orElseThrow(() -> new AssertionError(name + " did not answer: " + sql));
  }

  /** Some global status variables of a node, by name; empty when it does not answer. */
  Map<String, String> status(String name, String... variables) {
    String list =
        Arrays.stream(variables).map(v -> "'" + v + "'").collect(Collectors.joining(", "));
    return tryQuery(name, "SHOW GLOBAL STATUS WHERE Variable_name IN (" + list + ")")
        .map(
            rows ->
                rows.stream()
                    .collect(
                        Collectors.toMap(
                            row -> row.get(0).toLowerCase(Locale.ROOT),
                            row -> row.get(1),
                            (a, b) -> a,
                            TreeMap::new)))
        .orElse(new TreeMap<>());
  }

  /** Synced, in the primary component, ready, and in a cluster of every node. */
  boolean synced(String name) {
    Map<String, String> status =
        status(
            name,
            "wsrep_local_state_comment",
            "wsrep_cluster_status",
            "wsrep_ready",
            "wsrep_cluster_size");
    return "Synced".equals(status.get("wsrep_local_state_comment"))
        && "Primary".equals(status.get("wsrep_cluster_status"))
        && "ON".equals(status.get("wsrep_ready"))
        && String.valueOf(nodes.size()).equals(status.get("wsrep_cluster_size"));
  }

  boolean allSynced() {
    return names().stream().allMatch(this::synced);
  }

  /**
   * Waits until every node is Synced in one primary component of all of them; returns the
   * milliseconds since {@code sinceNanos}.
   */
  long awaitAllSynced(Duration atMost, long sinceNanos) {
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(this::allSynced);
    return (System.nanoTime() - sinceNanos) / 1_000_000;
  }

  /** The precondition of every cluster fault test: three nodes Synced, every replica ready. */
  void awaitHealthy() {
    awaitAllSynced(Duration.ofMinutes(2), System.nanoTime());
    local.awaitAllReady(Duration.ofMinutes(2), System.nanoTime());
  }

  /** Each node's count of connections from the replicas' user. */
  Map<String, Integer> appConnections() {
    Map<String, Integer> connections = new TreeMap<>();
    for (String name : names()) {
      connections.put(
          name,
          tryQuery(
                  name,
                  "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = '"
                      + APP_USER
                      + "'")
              .map(rows -> Integer.parseInt(rows.get(0).get(0)))
              .orElse(0));
    }
    return connections;
  }

  /**
   * The node the replicas write to: the one holding their connections, whatever leads them there (a
   * proxy or the driver's failover).
   */
  String writer() {
    Map<String, Integer> connections = appConnections();
    String writer =
        connections.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElseThrow();
    assertThat(connections.get(writer))
        .as("connections of %s per node %s", APP_USER, connections)
        .isPositive();
    return writer;
  }

  /** The log the node's server writes, as supervisord keeps it. */
  Path log(String name) {
    return local.stack().stateDir().resolve("logs/" + name + ".log");
  }

  /** A node the replicas do not write to. */
  String nonWriter() {
    String writer = writer();
    return names().stream().filter(name -> !name.equals(writer)).findFirst().orElseThrow();
  }

  /** A message as stored on one node. */
  record StoredMessage(long version, String text) {}

  Map<Long, StoredMessage> messages(String name, long fromId, long toId) {
    Map<Long, StoredMessage> messages = new HashMap<>();
    for (List<String> row :
        query(
            name,
            "SELECT clid, version, mess FROM messageboard.messages WHERE clid BETWEEN "
                + fromId
                + " AND "
                + toId)) {
      messages.put(
          Long.parseLong(row.get(0)), new StoredMessage(Long.parseLong(row.get(1)), row.get(2)));
    }
    return messages;
  }

  /** {@code CHECKSUM TABLE messages} on each node. */
  Map<String, String> checksums() {
    Map<String, String> checksums = new TreeMap<>();
    for (String name : names()) {
      checksums.put(name, query(name, "CHECKSUM TABLE messageboard.messages").get(0).get(1));
    }
    return checksums;
  }

  /** Each message's id and a digest of every column, on one node: what tells rows apart. */
  Map<Long, String> rowDigests(String name) {
    Map<Long, String> digests = new HashMap<>();
    for (List<String> row :
        query(
            name,
            "SELECT clid, MD5(CONCAT_WS('|', clid, version, mess, sid, created_at, updated_at))"
                + " FROM messageboard.messages")) {
      digests.put(Long.parseLong(row.get(0)), row.get(1));
    }
    return digests;
  }

  /** {@code wsrep_last_committed} on each node: equal once every node has applied everything. */
  Map<String, String> lastCommitted() {
    Map<String, String> committed = new TreeMap<>();
    for (String name : names()) {
      committed.put(name, status(name, "wsrep_last_committed").get("wsrep_last_committed"));
    }
    return committed;
  }
}
