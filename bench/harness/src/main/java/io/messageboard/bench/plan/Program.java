package io.messageboard.bench.plan;

/** The programs measured side by side: the product and its three references. */
public enum Program {
  MESSAGEBOARD("messageboard"),
  THIN_BASELINE("thin-baseline"),
  SPRING_PEER("spring-peer"),
  RAW_JDBC("raw-jdbc");

  private final String id;

  Program(String id) {
    this.id = id;
  }

  /** The name in the results file and the report. */
  public String id() {
    return id;
  }

  /** The product runs every scenario; the references only those they implement. */
  public boolean runs(Scenario scenario) {
    return this == MESSAGEBOARD || scenario.servedByReferences();
  }

  /** Whether wrk loads it over HTTP; the raw loop is its own load. */
  public boolean overHttp() {
    return this != RAW_JDBC;
  }
}
