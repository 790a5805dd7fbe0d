package io.messageboard.bench.report;

import static io.messageboard.bench.plan.Program.MESSAGEBOARD;
import static io.messageboard.bench.report.Target.Bound.AT_LEAST;
import static io.messageboard.bench.report.Target.Bound.AT_MOST;

import io.messageboard.bench.plan.ScaleScenario;
import io.messageboard.bench.scale.ScaleFacts;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The scale run's targets that have a figure: each read over the large board against the same over
 * the baseline's 10,000 messages in the same run, and no failed response. The export's target is a
 * verdict, not a figure: {@link ScaleReport} writes it.
 */
public final class ScaleTargets {

  /** The share of its baseline figure a read keeps over the large board. */
  public static final double READS_KEPT = 0.8;

  /** No response other than 2xx and no lost connection in any scenario, as in the full run. */
  public static final Target CLEAN =
      new Target(
          "non-2xx responses and socket errors, every scenario",
          AT_MOST,
          0,
          r -> OptionalDouble.of(r.totalNon2xx()));

  private ScaleTargets() {}

  /** GET by id and the deep page over MESSAGES against the same over the BASELINE's. */
  public static List<Target> reads(long baseline, long messages) {
    return List.of(
        ratio("GET by id", ScaleScenario.GET_BY_ID, baseline, messages),
        ratio(
            "deep page (after= among the last 1,000 ids)",
            ScaleScenario.DEEP_PAGE,
            baseline,
            messages));
  }

  /** A scenario's mean req/s over the large board divided by the same over the baseline board. */
  static OptionalDouble ratio(
      Results results, ScaleScenario scenario, long baseline, long messages) {
    return Targets.ratio(
        results.meanRps(ScaleFacts.target(messages), scenario.id(), MESSAGEBOARD.id()),
        results.meanRps(ScaleFacts.target(baseline), scenario.id(), MESSAGEBOARD.id()));
  }

  private static Target ratio(String what, ScaleScenario scenario, long baseline, long messages) {
    return new Target(
        String.format(Locale.ROOT, "%s, direct: %,d / %,d messages", what, messages, baseline),
        AT_LEAST,
        READS_KEPT,
        r -> ratio(r, scenario, baseline, messages));
  }
}
