package io.messageboard.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every port the stack publishes listens on loopback only. */
class LoopbackOnlyIT {

  // Any address of 127.0.0.0/8 (the database nodes have 127.0.0.11-13), IPv4 or IPv6.
  private static final String LOOPBACK_ADDRESS =
      "(127(\\.\\d{1,3}){3}|\\[::1\\]|\\[::ffff:127(\\.\\d{1,3}){3}\\]):\\d+";

  // The local stack's ports (its topology), unless -Dmessageboard.e2e.loopback-ports names the
  // stack's own.
  private static final List<Integer> STACK_PORTS =
      System.getProperty("messageboard.e2e.loopback-ports", "").isBlank()
          ? StackUnderTest.topology().ports()
          : Arrays.stream(System.getProperty("messageboard.e2e.loopback-ports").split(","))
              .map(String::strip)
              .map(Integer::valueOf)
              .toList();

  @Test
  void noPortOfTheStackListensBeyondLoopback() throws Exception {
    Process ss = new ProcessBuilder("ss", "-ltnH").redirectErrorStream(true).start();
    String listeners = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ss.waitFor(10, TimeUnit.SECONDS)).isTrue();

    for (int port : STACK_PORTS) {
      List<String> local =
          listeners
              .lines()
              .map(line -> line.trim().split("\\s+", -1)[3])
              .filter(address -> address.endsWith(":" + port))
              .toList();
      assertThat(local).as("listeners on port %d", port).isNotEmpty();
      assertThat(local)
          .as("port %d listens on loopback only", port)
          .allSatisfy(address -> assertThat(address).matches(LOOPBACK_ADDRESS));
    }
  }
}
