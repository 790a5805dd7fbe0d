package io.messageboard.bench.proc;

import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.bench.Recorded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListeningSocketsTest {

  private static final String ESTABLISHED_ON_2024 =
      "   1: 0100007F:07E8 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0"
          + " 777 1 0000000000000000 20 4 30 10 -1\n";

  @Test
  void findsTheListeningSocketOfAPortInTheIpv4Table() {
    assertThat(ListeningSockets.inodes(Recorded.text("proc/net-tcp.txt"), "127.0.0.1", 2024))
        .containsExactly(624L);
  }

  @Test
  void findsItInTheIpv6TableAsWell() {
    // 0x862F
    assertThat(ListeningSockets.inodes(Recorded.text("proc/net-tcp6.txt"), "127.0.0.1", 34351))
        .containsExactly(96182L);
  }

  @Test
  void leavesOutConnectionsThatAreNotListening() {
    String table = Recorded.text("proc/net-tcp.txt") + ESTABLISHED_ON_2024;

    assertThat(ListeningSockets.inodes(table, "127.0.0.1", 2024)).containsExactly(624L);
  }

  @Test
  void findsNoSocketOnAnotherPort() {
    assertThat(ListeningSockets.inodes(Recorded.text("proc/net-tcp.txt"), "127.0.0.1", 2025))
        .isEmpty();
  }

  @Test
  void givesEveryProcessHoldingTheListeningSocketLikeNginxWorkers(@TempDir Path proc)
      throws IOException {
    Files.createDirectories(proc.resolve("net"));
    Files.writeString(proc.resolve("net/tcp"), Recorded.text("proc/net-tcp.txt"));
    descriptor(proc, 10, 3, "socket:[624]");
    descriptor(proc, 11, 7, "socket:[624]");
    descriptor(proc, 12, 3, "socket:[625]");
    descriptor(proc, 13, 1, "/dev/null");

    assertThat(new ListeningSockets(new ProcFiles(proc)).pidsListeningOn("127.0.0.1", 2024))
        .containsExactly(10L, 11L);
  }

  @Test
  void tellsApartTheNodesThatShareAPortOnAddressesOfTheirOwn(@TempDir Path proc)
      throws IOException {
    table(
        proc,
        "net/tcp",
        listening(1, "0B00007F:0CEA", 701)
            + listening(2, "0C00007F:0CEA", 702)
            + listening(3, "0100007F:0CEB", 703));
    descriptor(proc, 21, 9, "socket:[701]");
    descriptor(proc, 22, 9, "socket:[702]");
    descriptor(proc, 23, 9, "socket:[703]");
    ListeningSockets sockets = new ListeningSockets(new ProcFiles(proc));

    assertThat(sockets.pidsListeningOn("127.0.0.12", 3306)).containsExactly(22L);
    assertThat(sockets.pidsListeningOn("127.0.0.11", 3306)).containsExactly(21L);
  }

  @Test
  void findsAProcessListeningOnEveryAddressByAnyOfThem(@TempDir Path proc) throws IOException {
    table(proc, "net/tcp", listening(0, "00000000:1F90", 801));
    descriptor(proc, 31, 4, "socket:[801]");

    assertThat(new ListeningSockets(new ProcFiles(proc)).pidsListeningOn("127.0.0.1", 8080))
        .containsExactly(31L);
  }

  @Test
  void findsAJavaServerBoundToAnIpv4AddressThroughTheIpv6Table(@TempDir Path proc)
      throws IOException {
    table(proc, "net/tcp6", listening(0, "0000000000000000FFFF00000100007F:1F91", 901));
    descriptor(proc, 41, 16, "socket:[901]");

    assertThat(new ListeningSockets(new ProcFiles(proc)).pidsListeningOn("127.0.0.1", 8081))
        .containsExactly(41L);
    assertThat(new ListeningSockets(new ProcFiles(proc)).pidsListeningOn("127.0.0.2", 8081))
        .isEmpty();
  }

  @Test
  void writesAnAddressAsTheTableDoes() {
    assertThat(ListeningSockets.hex("127.0.0.11")).isEqualTo("0B00007F");
  }

  private static final String HEADER =
      "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout"
          + " inode\n";

  private static void table(Path proc, String name, String rows) throws IOException {
    Files.createDirectories(proc.resolve("net"));
    Files.writeString(proc.resolve(name), HEADER + rows);
  }

  private static String listening(int slot, String local, long inode) {
    return "   "
        + slot
        + ": "
        + local
        + " 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 "
        + inode
        + " 1 0000000000000000 100 0 0 10 0\n";
  }

  private static void descriptor(Path proc, long pid, int fd, String target) throws IOException {
    Path fds = Files.createDirectories(proc.resolve(pid + "/fd"));
    Files.createSymbolicLink(fds.resolve(Integer.toString(fd)), Path.of(target));
  }
}
