package io.messageboard.bench.proc;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the processes listening on a TCP port, from /proc/net/tcp{,6} and the processes' file
 * descriptors: a listening socket shared by a master and its workers (nginx) yields them all.
 */
public final class ListeningSockets {

  private static final String LISTEN = "0A";

  private final ProcFiles proc;

  public ListeningSockets(ProcFiles proc) {
    this.proc = proc;
  }

  public List<Long> pidsListeningOn(int port) {
    Set<String> sockets = new HashSet<>();
    for (String table : List.of("net/tcp", "net/tcp6")) {
      proc.read(table)
          .ifPresent(text -> inodes(text, port).forEach(i -> sockets.add("socket:[" + i + "]")));
    }
    if (sockets.isEmpty()) {
      return List.of();
    }
    return proc.pids().stream()
        .filter(pid -> proc.descriptorTargets(pid).stream().anyMatch(sockets::contains))
        .sorted()
        .toList();
  }

  /**
   * The inodes of the listening sockets on a port in a /proc/net/tcp table: local_address is
   * ADDRESS:PORT in hex, st the state (0A = LISTEN), inode the tenth column.
   */
  static Set<Long> inodes(String table, int port) {
    String portHex = String.format(Locale.ROOT, ":%04X", port);
    Set<Long> inodes = new HashSet<>();
    table
        .lines()
        .skip(1)
        .map(line -> line.strip().split("\\s+"))
        .filter(c -> c.length > 9 && c[1].endsWith(portHex) && c[3].equals(LISTEN))
        .forEach(c -> inodes.add(Long.parseLong(c[9])));
    return inodes;
  }
}
