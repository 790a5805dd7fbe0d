package io.messageboard.bench.harness;

import io.messageboard.bench.scale.ScaleFacts;

/** One board of the scale run: its schema, its messages, and the ports of the replica over it. */
record ScaleBoard(String schema, int messages, int port, int managementPort) {

  /** The replica's name: its log file and its replica id. */
  String replica() {
    return "messageboard-" + messages;
  }

  /** The target column of its measurements. */
  String target() {
    return ScaleFacts.target(messages);
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }
}
