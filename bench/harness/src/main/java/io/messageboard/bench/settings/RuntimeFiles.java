package io.messageboard.bench.settings;

import java.nio.file.Path;

/**
 * Where the repository keeps the settings every deployment and the benchmark share
 * (deploy/runtime).
 */
public record RuntimeFiles(Path repository) {

  /** The replica JVM's options, given to java as {@code @file}. */
  public Path jvmArgs() {
    return repository.resolve("deploy/runtime/jvm.args");
  }

  /** The replica JVM's environment, NAME=value lines. */
  public Path jvmEnv() {
    return repository.resolve("deploy/runtime/jvm.env");
  }

  /** The MariaDB server settings, included from the benchmark's my.cnf. */
  public Path mariadbServerConfig() {
    return repository.resolve("deploy/runtime/mariadb/server.cnf");
  }

  /** Where the local stack's programs listen. */
  public Path topology() {
    return repository.resolve("deploy/runtime/topology");
  }

  /** The same stack with a single MariaDB server in place of the Galera cluster. */
  public Path singleNodeTopology() {
    return repository.resolve("deploy/runtime/topology-single-node");
  }
}
