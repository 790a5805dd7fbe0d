package io.messageboard.bench.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MariaDbConfigTest {

  private final MariaDbConfig config =
      new MariaDbConfig(
          Path.of("/tmp/work/mariadb"), 3316, Path.of("/repo/deploy/runtime/mariadb/server.cnf"));

  @Test
  void addsOnlyPathsAndThePortThenIncludesTheSharedSettings() {
    assertThat(config.render().lines())
        .containsExactly(
            "[mysqld]",
            "datadir=/tmp/work/mariadb/data",
            "socket=/tmp/work/mariadb/mariadb.sock",
            "pid-file=/tmp/work/mariadb/mariadb.pid",
            "port=3316",
            "bind-address=127.0.0.1",
            "",
            "!include /repo/deploy/runtime/mariadb/server.cnf");
  }

  @Test
  void keepsTheSocketInItsFolder() {
    assertThat(config.socket()).isEqualTo(Path.of("/tmp/work/mariadb/mariadb.sock"));
  }
}
