package io.messageboard.bench.plan;

/**
 * The load scenarios, in the order each round runs them; the one list the harness, the wrk scripts'
 * names and the report share.
 */
public enum Scenario {
  GET_BY_ID("get-by-id", true),
  POST("post", true),
  PAGE("page", false),
  PUT("put", false),
  MIX("mix", false),
  LEGACY_GET("legacy-get", false);

  private final String id;
  private final boolean servedByReferences;

  Scenario(String id, boolean servedByReferences) {
    this.id = id;
    this.servedByReferences = servedByReferences;
  }

  /** The name in the results file and the report; bench/wrk/{id}.lua is its load. */
  public String id() {
    return id;
  }

  public String wrkScript() {
    return id + ".lua";
  }

  /** Whether the thin baseline, the Spring peer and the raw loop run it too. */
  public boolean servedByReferences() {
    return servedByReferences;
  }
}
