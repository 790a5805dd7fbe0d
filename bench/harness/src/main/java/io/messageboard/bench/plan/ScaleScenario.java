package io.messageboard.bench.plan;

/**
 * The scenarios of the scale run, in the order each round runs them: the reads first, so that the
 * board they read has its loaded size, then the writes.
 */
public enum ScaleScenario {
  GET_BY_ID("get-by-id"),
  DEEP_PAGE("deep-page"),
  POST("post");

  private final String id;

  ScaleScenario(String id) {
    this.id = id;
  }

  /** The name in the results file and the report; bench/wrk/{id}.lua is its load. */
  public String id() {
    return id;
  }

  public String wrkScript() {
    return id + ".lua";
  }
}
