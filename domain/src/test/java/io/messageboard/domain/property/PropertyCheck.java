package io.messageboard.domain.property;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a check over generated inputs: a fixed number of cases from one seed, printing how many ran
 * and failing with the seed and the first input that broke the check, so that the failure can be
 * replayed with {@code -Dmessageboard.property.seed=SEED} and kept as a regression case.
 */
public final class PropertyCheck<T> {

  /** Seeds every check of a run; unset, each run picks a new one (and prints it). */
  public static final String SEED_PROPERTY = "messageboard.property.seed";

  private final String name;
  private final int cases;
  private final Function<SplittableRandom, T> generator;

  private PropertyCheck(String name, int cases, Function<SplittableRandom, T> generator) {
    this.name = Objects.requireNonNull(name, "name");
    this.cases = cases;
    this.generator = Objects.requireNonNull(generator, "generator");
  }

  /** A property named {@code name} over {@code cases} inputs drawn from {@code generator}. */
  public static <T> PropertyCheck<T> forAll(
      String name, int cases, Function<SplittableRandom, T> generator) {
    if (cases < 1) {
      throw new IllegalArgumentException("a property needs at least one case");
    }
    return new PropertyCheck<>(name, cases, generator);
  }

  /** Runs {@code check} on every generated input; returns the number of cases that passed. */
  public int check(Consumer<T> check) {
    long seed = seed();
    SplittableRandom random = new SplittableRandom(seed);
    long started = System.nanoTime();
    for (int i = 1; i <= cases; i++) {
      T input = generator.apply(random);
      try {
        check.accept(input);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "property '%s' failed on case %d of %d (seed %d; replay with -D%s=%d), input: %s"
                .formatted(name, i, cases, seed, SEED_PROPERTY, seed, Printable.of(input)),
            e);
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf(
        "property %s: %d cases passed in %d ms (seed %d)%n", name, cases, millis, seed);
    return cases;
  }

  private static long seed() {
    String configured = System.getProperty(SEED_PROPERTY, "");
    return configured.isBlank() ? new SplittableRandom().nextLong() : Long.parseLong(configured);
  }
}
