package io.messageboard.deploy.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The alerts and recording rules a deployment ships, and the scrape jobs each alert's expression
 * selects once the recording rules it reads are expanded.
 */
record ShippedRules(Map<String, String> alerts, Map<String, String> records) {

  private static final Pattern JOB_MATCHER = Pattern.compile("\\bjob\\s*(=~|=)\\s*\"([^\"]*)\"");
  private static final Pattern JOB_NAME = Pattern.compile("[A-Za-z0-9_-]+");

  /** The Watchdog's expression: it selects nothing, so that it fires wherever rules run. */
  private static final String ALWAYS_FIRING = "vector(1)";

  private static final Pattern RECORDED_NAME = Pattern.compile("\\b[a-z_]+:[a-z0-9_:]+\\b");

  /** The rules of every PrometheusRule given; an alert defined twice keeps both expressions. */
  static ShippedRules of(List<JsonNode> prometheusRules) {
    Map<String, String> alerts = new LinkedHashMap<>();
    Map<String, String> records = new LinkedHashMap<>();
    for (JsonNode rule : prometheusRules) {
      for (JsonNode group : rule.path("spec").path("groups")) {
        for (JsonNode each : group.path("rules")) {
          String expr = each.path("expr").asText();
          if (each.has("alert")) {
            alerts.merge(each.path("alert").asText(), expr, (a, b) -> a + "\nor\n" + b);
          } else {
            records.put(each.path("record").asText(), expr);
          }
        }
      }
    }
    return new ShippedRules(alerts, records);
  }

  /**
   * For each alert that cannot fire here, what is missing: a job it selects that is not scraped, a
   * recorded series that is not shipped, or no job selector at all (nothing to check it by).
   */
  Map<String, Set<String>> unfireable(Set<String> scrapedJobs) {
    Map<String, Set<String>> problems = new LinkedHashMap<>();
    alerts.forEach(
        (alert, expr) -> {
          Set<String> missing = new TreeSet<>();
          Set<String> jobs = new LinkedHashSet<>();
          collect(expr, jobs, missing, new LinkedHashSet<>());
          if (jobs.isEmpty() && !ALWAYS_FIRING.equals(expr.strip())) {
            missing.add("no job selector");
          }
          jobs.stream()
              .filter(job -> !scrapedJobs.contains(job))
              .forEach(job -> missing.add("job " + job + " not scraped"));
          if (!missing.isEmpty()) {
            problems.put(alert, missing);
          }
        });
    return problems;
  }

  /**
   * The jobs a PromQL expression's {@code job="…"} and {@code job=~"a|b"} matchers name; a pattern
   * that is not a list of names is reported to {@code problems}.
   */
  static Set<String> jobsIn(String expr, Set<String> problems) {
    Set<String> jobs = new TreeSet<>();
    Matcher matcher = JOB_MATCHER.matcher(expr);
    while (matcher.find()) {
      for (String job : matcher.group(2).split("\\|", -1)) {
        if (JOB_NAME.matcher(job).matches()) {
          jobs.add(job);
        } else {
          problems.add("job pattern " + matcher.group(2) + " is not a list of names");
        }
      }
    }
    return jobs;
  }

  private void collect(String expr, Set<String> jobs, Set<String> missing, Set<String> seen) {
    jobs.addAll(jobsIn(expr, missing));
    Matcher recorded = RECORDED_NAME.matcher(expr);
    while (recorded.find()) {
      String name = recorded.group();
      if (!records.containsKey(name)) {
        missing.add("recording rule " + name + " not shipped");
      } else if (seen.add(name)) {
        collect(records.get(name), jobs, missing, seen);
      }
    }
  }
}
