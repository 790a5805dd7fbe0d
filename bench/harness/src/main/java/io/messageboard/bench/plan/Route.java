package io.messageboard.bench.plan;

/** Where the load goes: straight to one program, or through the local stack's nginx. */
public enum Route {
  DIRECT("direct"),
  NGINX("nginx");

  private final String id;

  Route(String id) {
    this.id = id;
  }

  /** The name in the results file's target column. */
  public String id() {
    return id;
  }
}
