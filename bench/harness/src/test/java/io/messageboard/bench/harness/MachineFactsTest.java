package io.messageboard.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineFactsTest {

  @Test
  void givesMariadbsVersionAfterVer() {
    assertThat(
            MachineFacts.afterVer(
                "mariadbd  Ver 10.11.14-MariaDB-0+deb12u2 for debian-linux-gnu on x86_64 (Debian 12)\n"))
        .isEqualTo("10.11.14-MariaDB-0+deb12u2 for debian-linux-gnu on x86_64 (Debian 12)");
  }

  @Test
  void givesTheWholeLineWithoutVer() {
    assertThat(MachineFacts.afterVer("11.4.2\n")).isEqualTo("11.4.2");
  }
}
