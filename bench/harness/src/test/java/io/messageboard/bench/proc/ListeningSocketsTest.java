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
    assertThat(ListeningSockets.inodes(Recorded.text("proc/net-tcp.txt"), 2024))
        .containsExactly(624L);
  }

  @Test
  void findsItInTheIpv6TableAsWell() {
    // 0x862F
    assertThat(ListeningSockets.inodes(Recorded.text("proc/net-tcp6.txt"), 34351))
        .containsExactly(96182L);
  }

  @Test
  void leavesOutConnectionsThatAreNotListening() {
    String table = Recorded.text("proc/net-tcp.txt") + ESTABLISHED_ON_2024;

    assertThat(ListeningSockets.inodes(table, 2024)).containsExactly(624L);
  }

  @Test
  void findsNoSocketOnAnotherPort() {
    assertThat(ListeningSockets.inodes(Recorded.text("proc/net-tcp.txt"), 2025)).isEmpty();
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

    assertThat(new ListeningSockets(new ProcFiles(proc)).pidsListeningOn(2024))
        .containsExactly(10L, 11L);
  }

  private static void descriptor(Path proc, long pid, int fd, String target) throws IOException {
    Path fds = Files.createDirectories(proc.resolve(pid + "/fd"));
    Files.createSymbolicLink(fds.resolve(Integer.toString(fd)), Path.of(target));
  }
}
