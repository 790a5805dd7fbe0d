package io.messageboard.bench.jvm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads {@code jfr print --events jdk.ExecutionSample --stack-depth 64} and gives, per component,
 * the share of samples with at least one of its frames on the stack (inclusive, so rows overlap).
 * The flat hot-method view spreads one component over many methods; this adds up.
 */
public final class JfrComponents {

  private static final Map<String, String> PREFIXES = new LinkedHashMap<>();

  static {
    PREFIXES.put("Jetty (HTTP server)", "org.eclipse.jetty.");
    PREFIXES.put("Javalin", "io.javalin.");
    PREFIXES.put("messageboard HTTP adapter", "io.messageboard.adapter.http.");
    PREFIXES.put("messageboard persistence adapter", "io.messageboard.adapter.persistence.");
    PREFIXES.put("JDBI", "org.jdbi.");
    PREFIXES.put("HikariCP", "com.zaxxer.hikari.");
    PREFIXES.put("MariaDB Connector/J", "org.mariadb.jdbc.");
    PREFIXES.put("Jackson", "com.fasterxml.jackson.");
    PREFIXES.put("Logback (access log)", "ch.qos.logback.");
    PREFIXES.put("Micrometer", "io.micrometer.");
    PREFIXES.put("UUID (request ids)", "java.util.UUID.");
    PREFIXES.put("messageboard application and domain", "io.messageboard.application.");
    PREFIXES.put("messageboard bootstrap", "io.messageboard.bootstrap.");
  }

  private JfrComponents() {}

  /** Samples per component and in all; the JFR and attach threads' own samples do not count. */
  public record Tally(Map<String, Integer> hits, int total) {}

  public static Tally count(Stream<String> jfrPrint) {
    Map<String, Integer> hits = new LinkedHashMap<>();
    PREFIXES.keySet().forEach(name -> hits.put(name, 0));
    int total = 0;
    boolean inEvent = false;
    boolean ownThread = false;
    Set<String> seen = new HashSet<>();
    for (String line : (Iterable<String>) jfrPrint::iterator) {
      if (line.startsWith("jdk.ExecutionSample")) {
        inEvent = true;
        ownThread = false;
        seen.clear();
      } else if (inEvent && line.contains("sampledThread = ")) {
        ownThread = line.contains("JFR") || line.contains("Attach Listener");
      } else if (inEvent && line.startsWith("  ]")) {
        if (!ownThread) {
          total++;
          seen.forEach(name -> hits.merge(name, 1, Integer::sum));
        }
        inEvent = false;
      } else if (inEvent && line.startsWith("    ")) {
        String frame = line.strip();
        PREFIXES.forEach(
            (name, prefix) -> {
              if (frame.startsWith(prefix)) {
                seen.add(name);
              }
            });
      }
    }
    return new Tally(hits, total);
  }

  /** The tally as a Markdown table. */
  public static List<String> table(Tally tally) {
    List<String> lines = new ArrayList<>();
    lines.add("| component (frames on the stack) | samples | share |");
    lines.add("| --- | --- | --- |");
    tally
        .hits()
        .forEach(
            (name, hits) ->
                lines.add(
                    String.format(
                        Locale.ROOT,
                        "| %s | %d | %.1f %% |",
                        name,
                        hits,
                        tally.total() == 0 ? 0.0 : 100.0 * hits / tally.total())));
    lines.add(
        String.format(
            Locale.ROOT, "| all samples of the service's threads | %d | 100 %% |", tally.total()));
    return lines;
  }
}
