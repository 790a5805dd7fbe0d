package io.messageboard.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TargetsTest {

  private static Measurement rps(
      String target, String scenario, String program, int round, double rps) {
    return new Measurement(target, scenario, program, round, rps, 1, 1, 1, 1, 0, 0, 1, List.of());
  }

  private static Optional<Target.Outcome> outcome(String label, Results results) {
    return Targets.ALL.stream()
        .filter(t -> t.label().equals(label))
        .findFirst()
        .orElseThrow()
        .evaluate(results);
  }

  @Test
  void comparesTheMeansOfTheRoundsOfTheProductAndAReference() {
    Results results =
        new Results(
            List.of(
                rps("direct", "get-by-id", "messageboard", 1, 900),
                rps("direct", "get-by-id", "messageboard", 2, 1100),
                rps("direct", "get-by-id", "thin-baseline", 1, 800),
                rps("direct", "get-by-id", "thin-baseline", 2, 1200)),
            Map.of());

    Target.Outcome outcome =
        outcome("GET by id, direct: messageboard / thin baseline", results).orElseThrow();

    assertThat(outcome.figure()).isCloseTo(1.0, within(1e-9));
    assertThat(outcome.met()).isTrue();
  }

  @Test
  void aRatioBelowItsGoalIsNotMet() {
    Results results =
        new Results(
            List.of(
                rps("direct", "post", "messageboard", 1, 1000),
                rps("direct", "post", "spring-peer", 1, 1000)),
            Map.of());

    assertThat(outcome("POST, direct: messageboard / Spring Boot peer", results))
        .hasValueSatisfying(o -> assertThat(o.met()).isFalse());
  }

  @Test
  void holdsPostsThroughTheClusterToSixTenthsOfTheSingleServers() {
    Results results =
        new Results(
            List.of(
                rps("nginx", "post", "messageboard", 1, 650),
                rps("single-node-nginx", "post", "messageboard", 1, 1000)),
            Map.of());

    assertThat(outcome("POST, through nginx: Galera cluster / single MariaDB server", results))
        .hasValueSatisfying(
            o -> {
              assertThat(o.figure()).isCloseTo(0.65, within(1e-9));
              assertThat(o.met()).isTrue();
            });
    assertThat(outcome("GET by id, one replica: Galera cluster / single MariaDB server", results))
        .isEmpty();
  }

  @Test
  void leavesOutATargetWhoseFiguresTheRunDidNotMeasure() {
    Results quick =
        new Results(List.of(rps("direct", "get-by-id", "messageboard", 1, 1000)), Map.of());

    assertThat(outcome("GET by id: through nginx (4 replicas) / direct (1 replica)", quick))
        .isEmpty();
    assertThat(outcome("start to ready, external MariaDB (median, ms)", quick)).isEmpty();
    assertThat(outcome("RSS of the replica under load (MiB, largest seen)", quick)).isEmpty();
  }

  @Test
  void takesTheMedianOfTheTimedStarts() {
    Results results =
        new Results(List.of(), Map.of(Targets.START_EXTERNAL, "1300, 900,1100 ,1000,5000"));

    assertThat(Targets.median(results, Targets.START_EXTERNAL)).hasValue(1100);
  }

  @Test
  void anImageStartThatWasNotMeasuredLeavesItsTargetOut() {
    Results results =
        new Results(
            List.of(), Map.of(Targets.START_IMAGE, "not measured: no Docker engine answers"));

    assertThat(outcome("start to ready of the image (median, ms)", results)).isEmpty();
  }

  @Test
  void theImageStartIsMeasuredAgainstASecond() {
    Results results = new Results(List.of(), Map.of(Targets.START_IMAGE, "900,1200,1100"));

    assertThat(outcome("start to ready of the image (median, ms)", results))
        .hasValueSatisfying(
            o -> {
              assertThat(o.figure()).isEqualTo(1100);
              assertThat(o.met()).isFalse();
            });
  }

  @Test
  void aDurationWithinItsGoalIsMet() {
    Results results = new Results(List.of(), Map.of(Targets.START_ARCHIVED, "700,800,1000"));

    assertThat(
            outcome("start to ready, external MariaDB, class-data archive (median, ms)", results))
        .hasValueSatisfying(o -> assertThat(o.met()).isTrue());
  }

  @Test
  void takesTheLargestResidentMemoryOfTheProductsOwnProcessUnderDirectLoad() {
    Measurement withUsage =
        new Measurement(
            "direct",
            "get-by-id",
            "messageboard",
            1,
            1,
            1,
            1,
            1,
            1,
            0,
            0,
            1,
            List.of(
                new Measurement.ProcessUsage("messageboard", 90, 150),
                new Measurement.ProcessUsage("mariadb", 50, 900)));
    Measurement later =
        new Measurement(
            "direct",
            "post",
            "messageboard",
            1,
            1,
            1,
            1,
            1,
            1,
            0,
            0,
            1,
            List.of(new Measurement.ProcessUsage("messageboard", 90, 170)));

    assertThat(
            outcome(
                "RSS of the replica under load (MiB, largest seen)",
                new Results(List.of(withUsage, later), Map.of())))
        .hasValueSatisfying(o -> assertThat(o.figure()).isEqualTo(170));
  }

  @Test
  void countsNon2xxAndSocketErrorsAgainstAGoalOfNone() {
    Measurement failing =
        new Measurement("direct", "put", "messageboard", 1, 1, 1, 1, 1, 1, 2, 1, 1, List.of());

    assertThat(
            outcome(
                "non-2xx responses and socket errors, every scenario",
                new Results(List.of(failing), Map.of())))
        .hasValueSatisfying(
            o -> {
              assertThat(o.figure()).isEqualTo(3);
              assertThat(o.met()).isFalse();
            });
  }

  @Test
  void aRatioNeedsBothFigures() {
    assertThat(Targets.ratio(OptionalDouble.of(2), OptionalDouble.empty())).isEmpty();
    assertThat(Targets.ratio(OptionalDouble.of(3), OptionalDouble.of(2))).hasValue(1.5);
  }
}
