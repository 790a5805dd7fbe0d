package io.messageboard.bench.report;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * One goal of the benchmark: a figure computed from a run's results, and the bound it should meet.
 */
public record Target(
    String label, Bound bound, double goal, Function<Results, OptionalDouble> figure) {

  /** Which side of the goal meets it, and how the figure reads. */
  public enum Bound {
    /** A ratio that should reach the goal, written as {@code 1.02×}. */
    AT_LEAST,
    /** A count or a duration that should stay within the goal, written as a whole number. */
    AT_MOST
  }

  /** What one run scored against a target. */
  public record Outcome(Target target, double figure) {
    public boolean met() {
      return switch (target.bound()) {
        case AT_LEAST -> figure >= target.goal();
        case AT_MOST -> figure <= target.goal();
      };
    }
  }

  /** The outcome, or empty when the run did not measure what the figure needs. */
  public Optional<Outcome> evaluate(Results results) {
    OptionalDouble value = figure.apply(results);
    return value.isPresent()
        ? Optional.of(new Outcome(this, value.getAsDouble()))
        : Optional.empty();
  }
}
