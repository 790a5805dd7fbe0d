package io.messageboard.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.deploy.e2e.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One node cut off from the others on loopback: an nftables table of this suite's own that drops
 * every packet between the node's address and theirs, both ways. Closing it deletes that table, and
 * only that one.
 */
final class NetworkPartition {

  static final String TABLE = "messageboard_fault";

  private NetworkPartition() {}

  static NetworkPartition isolate(Topology.Program node, List<Topology.Program> others)
      throws IOException {
    deleteTable();
    String them = others.stream().map(Topology.Program::address).collect(Collectors.joining(", "));
    String rules =
        String.join(
            "\n",
            "table inet " + TABLE + " {",
            "  chain input {",
            "    type filter hook input priority filter; policy accept;",
            "    ip saddr " + node.address() + " ip daddr { " + them + " } drop",
            "    ip saddr { " + them + " } ip daddr " + node.address() + " drop",
            "  }",
            "}",
            "");
    Path file = Files.createTempFile(TABLE, ".nft");
    try {
      Files.writeString(file, rules);
      LocalStack.Finished added = nft("-f", file.toString());
      assertThat(added.succeeded()).as("nft -f: %s", added.output()).isTrue();
    } finally {
      Files.delete(file);
    }
    return new NetworkPartition();
  }

  /** Heals the partition: deletes this suite's table, and only that one. */
  void close() {
    LocalStack.Finished deleted = deleteTable();
    assertThat(deleted.succeeded()).as("nft delete table: %s", deleted.output()).isTrue();
  }

  private static LocalStack.Finished deleteTable() {
    return nft("delete", "table", "inet", TABLE);
  }

  private static LocalStack.Finished nft(String... arguments) {
    List<String> command = new java.util.ArrayList<>(List.of("nft"));
    command.addAll(List.of(arguments));
    return LocalStack.run(command, Map.of(), Duration.ofSeconds(10));
  }
}
