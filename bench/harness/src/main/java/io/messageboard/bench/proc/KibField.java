package io.messageboard.bench.proc;

import java.util.OptionalLong;

/** A "Name: 1234 kB" line of /proc/meminfo or /proc/PID/status. */
final class KibField {

  private KibField() {}

  static OptionalLong of(String text, String name) {
    String prefix = name + ":";
    return text.lines()
        .filter(line -> line.startsWith(prefix))
        .map(line -> line.substring(prefix.length()).strip().split("\\s+")[0])
        .mapToLong(Long::parseLong)
        .findFirst();
  }
}
