package io.messageboard.bench.plan;

/**
 * Where the load goes: straight to one program on the harness's MariaDB, or into the local stack
 * (through its nginx, or straight to one of its replicas), whose database is the Galera cluster or,
 * to measure what the cluster costs, a single server.
 */
public enum Route {
  DIRECT("direct"),
  NGINX("nginx"),
  REPLICA("replica"),
  SINGLE_NODE_NGINX("single-node-nginx"),
  SINGLE_NODE_REPLICA("single-node-replica");

  private final String id;

  Route(String id) {
    this.id = id;
  }

  /** The name in the results file's target column. */
  public String id() {
    return id;
  }
}
