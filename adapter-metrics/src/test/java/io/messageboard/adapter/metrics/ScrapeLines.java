package io.messageboard.adapter.metrics;

import java.util.List;
import java.util.stream.Collectors;

/** Sample lines (not comments) of a Prometheus text scrape. */
final class ScrapeLines {

  private ScrapeLines() {}

  static List<String> samples(String scrape) {
    return scrape
        .lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .collect(Collectors.toList());
  }
}
