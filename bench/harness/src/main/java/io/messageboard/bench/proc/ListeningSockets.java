package io.messageboard.bench.proc;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the processes listening on a TCP port, from /proc/net/tcp{,6} and the processes' file
 * descriptors: a listening socket shared by a master and its workers (nginx) yields them all.
 */
public final class ListeningSockets {

  private static final String LISTEN = "0A";

  /** ::ffff:0:0/96 as /proc/net/tcp6 writes it, the IPv4 address's word following. */
  private static final String IPV4_MAPPED = "0000000000000000FFFF0000";

  private final ProcFiles proc;

  public ListeningSockets(ProcFiles proc) {
    this.proc = proc;
  }

  /**
   * The processes listening on ADDRESS (IPv4, or IPv4-mapped IPv6 as Java binds it) and PORT, or on
   * every address and PORT: the nodes of the local stack's cluster share a port on addresses of
   * their own.
   */
  public List<Long> pidsListeningOn(String address, int port) {
    Set<String> sockets = new HashSet<>();
    for (String table : List.of("net/tcp", "net/tcp6")) {
      proc.read(table)
          .ifPresent(
              text -> inodes(text, address, port).forEach(i -> sockets.add("socket:[" + i + "]")));
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
   * The inodes of the sockets listening on ADDRESS (or every address) and PORT in a /proc/net/tcp
   * table: local_address is ADDRESS:PORT in hex, st the state (0A = LISTEN), inode the tenth
   * column.
   */
  static Set<Long> inodes(String table, String address, int port) {
    String own = hex(address);
    Predicate<String> local =
        hex -> hex.equals(own) || hex.equals(IPV4_MAPPED + own) || hex.matches("0+");
    String portHex = String.format(Locale.ROOT, ":%04X", port);
    Set<Long> inodes = new HashSet<>();
    table
        .lines()
        .skip(1)
        .map(line -> line.strip().split("\\s+"))
        .filter(c -> c.length > 9 && c[1].endsWith(portHex) && c[3].equals(LISTEN))
        .filter(c -> local.test(c[1].substring(0, c[1].length() - portHex.length())))
        .forEach(c -> inodes.add(Long.parseLong(c[9])));
    return inodes;
  }

  /** An IPv4 address as /proc/net/tcp writes it: its four bytes in host (little-endian) order. */
  static String hex(String address) {
    try {
      InetAddress parsed = InetAddress.getByName(address);
      if (!(parsed instanceof Inet4Address)) {
        throw new IllegalArgumentException("not an IPv4 address: " + address);
      }
      byte[] b = parsed.getAddress();
      return String.format(Locale.ROOT, "%02X%02X%02X%02X", b[3], b[2], b[1], b[0]);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an address: " + address, e);
    }
  }
}
