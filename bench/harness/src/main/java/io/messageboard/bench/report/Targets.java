package io.messageboard.bench.report;

import static io.messageboard.bench.plan.Program.MESSAGEBOARD;
import static io.messageboard.bench.plan.Program.RAW_JDBC;
import static io.messageboard.bench.plan.Program.SPRING_PEER;
import static io.messageboard.bench.plan.Program.THIN_BASELINE;
import static io.messageboard.bench.plan.Route.DIRECT;
import static io.messageboard.bench.plan.Route.NGINX;
import static io.messageboard.bench.plan.Route.REPLICA;
import static io.messageboard.bench.plan.Scenario.GET_BY_ID;
import static io.messageboard.bench.plan.Scenario.POST;
import static io.messageboard.bench.report.Target.Bound.AT_LEAST;
import static io.messageboard.bench.report.Target.Bound.AT_MOST;

import io.messageboard.bench.plan.Program;
import io.messageboard.bench.plan.Route;
import io.messageboard.bench.plan.Scenario;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** The benchmark's targets, in the order the report lists them: the one place they are set. */
public final class Targets {

  /** Facts the harness records and the start targets read. */
  public static final String START_EXTERNAL = "start to ready, external MariaDB (ms)";

  public static final String START_ARCHIVED =
      "start to ready, external MariaDB, with a class-data archive (ms)";

  public static final String START_IMAGE =
      "start to ready of the image, docker run to ready, external MariaDB (ms)";

  public static final String START_IMAGE_WITHOUT_ARCHIVE =
      "start to ready of the image without its class-data archive (ms)";

  private static final Pattern NUMBERS = Pattern.compile("[0-9., ]+");

  public static final List<Target> ALL =
      List.of(
          direct("GET by id, direct: messageboard / thin baseline", GET_BY_ID, THIN_BASELINE, 1.0),
          direct("GET by id, direct: messageboard / Spring Boot peer", GET_BY_ID, SPRING_PEER, 1.5),
          direct(
              "GET by id, direct: messageboard / raw point select (stretch)",
              GET_BY_ID,
              RAW_JDBC,
              0.5),
          direct("POST, direct: messageboard / raw insert", POST, RAW_JDBC, 2.0),
          direct("POST, direct: messageboard / Spring Boot peer", POST, SPRING_PEER, 2.0),
          new Target(
              "GET by id: through nginx (4 replicas) / direct (1 replica)",
              AT_LEAST,
              0.8,
              r ->
                  ratio(
                      r.meanRps(NGINX.id(), GET_BY_ID.id(), MESSAGEBOARD.id()),
                      r.meanRps(DIRECT.id(), GET_BY_ID.id(), MESSAGEBOARD.id()))),
          clusterCost(GET_BY_ID, NGINX, 0.9),
          clusterCost(GET_BY_ID, REPLICA, 0.9),
          clusterCost(POST, NGINX, 0.6),
          clusterCost(POST, REPLICA, 0.6),
          new Target(
              "start to ready, external MariaDB (median, ms)",
              AT_MOST,
              1000,
              r -> median(r, START_EXTERNAL)),
          new Target(
              "start to ready, external MariaDB, class-data archive (median, ms)",
              AT_MOST,
              1000,
              r -> median(r, START_ARCHIVED)),
          new Target(
              "start to ready of the image (median, ms)",
              AT_MOST,
              1000,
              r -> median(r, START_IMAGE)),
          new Target(
              "RSS of the replica under load (MiB, largest seen)",
              AT_MOST,
              160,
              Targets::largestProductRss),
          new Target(
              "non-2xx responses and socket errors, every scenario",
              AT_MOST,
              0,
              r -> OptionalDouble.of(r.totalNon2xx())));

  private Targets() {}

  private static Target direct(String label, Scenario scenario, Program reference, double goal) {
    return new Target(
        label,
        AT_LEAST,
        goal,
        r ->
            ratio(
                r.meanRps(Route.DIRECT.id(), scenario.id(), MESSAGEBOARD.id()),
                r.meanRps(Route.DIRECT.id(), scenario.id(), reference.id())));
  }

  private static Target clusterCost(Scenario scenario, Route route, double goal) {
    ClusterCostSection.Comparison c =
        ClusterCostSection.COMPARISONS.stream()
            .filter(each -> each.scenario() == scenario && each.cluster() == route)
            .findFirst()
            .orElseThrow();
    return new Target(
        (scenario == GET_BY_ID ? "GET by id" : "POST")
            + ", "
            + c.route()
            + ": Galera cluster / single MariaDB server",
        AT_LEAST,
        goal,
        r -> ClusterCostSection.ratio(r, c));
  }

  static OptionalDouble ratio(OptionalDouble numerator, OptionalDouble denominator) {
    return numerator.isPresent() && denominator.isPresent()
        ? OptionalDouble.of(numerator.getAsDouble() / denominator.getAsDouble())
        : OptionalDouble.empty();
  }

  /**
   * The middle value of a fact holding comma-separated numbers (the upper one of an even count);
   * empty when the fact says why it holds none ("not measured: ...").
   */
  static OptionalDouble median(Results results, String fact) {
    return results
        .fact(fact)
        .filter(NUMBERS.asMatchPredicate())
        .map(
            list -> {
              double[] values =
                  Arrays.stream(list.split(","))
                      .map(String::trim)
                      .mapToDouble(Double::parseDouble)
                      .sorted()
                      .toArray();
              return OptionalDouble.of(values[values.length / 2]);
            })
        .orElse(OptionalDouble.empty());
  }

  private static OptionalDouble largestProductRss(Results results) {
    return results.measurements().stream()
        .filter(m -> m.program().equals(MESSAGEBOARD.id()) && m.target().equals(DIRECT.id()))
        .flatMap(m -> m.processes().stream())
        .filter(p -> p.name().equals(MESSAGEBOARD.id()))
        .mapToDouble(Measurement.ProcessUsage::rssMib)
        .max();
  }
}
