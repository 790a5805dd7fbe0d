package io.messageboard.bench.harness;

import java.nio.file.Path;

/**
 * Where the run finds what it starts (the jars bench/run built, the wrk scripts) and keeps logs.
 */
record Layout(Path repository, Path work) {

  Path bench() {
    return repository.resolve("bench");
  }

  Path productJar() {
    return repository.resolve("bootstrap/target/messageboard.jar");
  }

  Path thinBaselineJar() {
    return bench().resolve("thin-baseline/target/thin-baseline.jar");
  }

  Path springPeerJar() {
    return bench().resolve("spring-peer/target/spring-peer.jar");
  }

  Path rawJdbcJar() {
    return bench().resolve("raw-jdbc/target/raw-jdbc.jar");
  }

  Path wrkScripts() {
    return bench().resolve("wrk");
  }

  Path localStack() {
    return repository.resolve("deploy/local/stack");
  }

  /** bench/results for a full run, bench/target/quick for the smoke check. */
  Path reports(boolean quick) {
    return quick ? bench().resolve("target/quick") : bench().resolve("results");
  }
}
