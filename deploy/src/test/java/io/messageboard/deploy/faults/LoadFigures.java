package io.messageboard.deploy.faults;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The outcomes of a load loop, and the figures a fault test prints. */
record LoadFigures(List<LoadLoop.Outcome> outcomes) {

  int sent() {
    return outcomes.size();
  }

  List<LoadLoop.Outcome> matching(Predicate<LoadLoop.Outcome> predicate) {
    return outcomes.stream().filter(predicate).toList();
  }

  /** Count per status; connection failures count under -1. */
  Map<Integer, Long> byStatus() {
    return outcomes.stream()
        .collect(
            Collectors.groupingBy(LoadLoop.Outcome::status, TreeMap::new, Collectors.counting()));
  }

  long slowestMillis(Predicate<LoadLoop.Outcome> predicate) {
    return outcomes.stream().filter(predicate).mapToLong(LoadLoop.Outcome::millis).max().orElse(0);
  }

  /** Prints the figures under a title, so CI's log shows what each fault did to the clients. */
  LoadFigures print(String title, Predicate<LoadLoop.Outcome> success, String extra) {
    long succeeded = outcomes.stream().filter(success).count();
    Map<Integer, Long> failedByStatus =
        outcomes.stream()
            .filter(success.negate())
            .collect(
                Collectors.groupingBy(
                    LoadLoop.Outcome::status, TreeMap::new, Collectors.counting()));
    System.out.printf(
        "%n[fault] %s%n[fault]   sent %d, succeeded %d, failed by status %s (-1 = connection"
            + " failed), slowest %d ms, resent after a stale kept-alive connection %d%s%n",
        title,
        sent(),
        succeeded,
        failedByStatus,
        slowestMillis(o -> true),
        outcomes.stream().filter(LoadLoop.Outcome::resent).count(),
        extra.isEmpty() ? "" : "\n[fault]   " + extra);
    return this;
  }
}
