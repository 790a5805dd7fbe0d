package io.messageboard.bench.harness;

/**
 * The loopback ports of the harness's own programs (the local stack keeps its own). An offset
 * shifts them all, so two runs can share a machine.
 */
record Ports(int offset) {

  static Ports fromEnvironment() {
    String offset = System.getenv().getOrDefault("BENCH_PORT_OFFSET", "0");
    return new Ports(Integer.parseInt(offset.isBlank() ? "0" : offset));
  }

  int mariadb() {
    return 3316 + offset;
  }

  int product() {
    return 18080 + offset;
  }

  int productManagement() {
    return 19080 + offset;
  }

  int thinBaseline() {
    return 18081 + offset;
  }

  int springPeer() {
    return 18082 + offset;
  }

  /** The product started for one probe at a time: timed starts, the class archive, the export. */
  int probe() {
    return 18083 + offset;
  }

  int probeManagement() {
    return 19083 + offset;
  }

  /** The scale run's second replica, over the large board, beside the product over 10,000. */
  int scaleBoard() {
    return 18084 + offset;
  }

  int scaleBoardManagement() {
    return 19084 + offset;
  }
}
