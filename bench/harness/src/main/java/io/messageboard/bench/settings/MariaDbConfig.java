package io.messageboard.bench.settings;

import java.nio.file.Path;

/**
 * The benchmark's my.cnf: only the paths and the port of its own server, then the shared server
 * settings included from deploy/runtime/mariadb/server.cnf.
 */
public record MariaDbConfig(Path folder, int port, Path serverSettings) {

  public Path dataDirectory() {
    return folder.resolve("data");
  }

  public Path socket() {
    return folder.resolve("mariadb.sock");
  }

  public String render() {
    return String.join(
        "\n",
        "[mysqld]",
        "datadir=" + dataDirectory(),
        "socket=" + socket(),
        "pid-file=" + folder.resolve("mariadb.pid"),
        "port=" + port,
        "bind-address=127.0.0.1",
        "",
        "!include " + serverSettings,
        "");
  }
}
