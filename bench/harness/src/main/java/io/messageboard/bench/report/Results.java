package io.messageboard.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * Everything one run of bench/run recorded: closed-loop measurements, named facts and open-loop
 * measurements, in file order.
 */
public record Results(
    List<Measurement> measurements, Map<String, String> facts, List<OpenLoopMeasurement> openLoop) {

  /** A run without open-loop measurements (the quick run, and runs recorded before them). */
  public Results(List<Measurement> measurements, Map<String, String> facts) {
    this(measurements, facts, List.of());
  }

  public static Results read(Path file) throws IOException {
    List<Measurement> measurements = new ArrayList<>();
    Map<String, String> facts = new LinkedHashMap<>();
    List<OpenLoopMeasurement> openLoop = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      String[] fields = line.split("\t", -1);
      switch (fields[0]) {
        case "load" -> measurements.add(Measurement.parse(fields));
        case "fact" -> facts.put(fields[1], fields[2]);
        case "openloop" -> openLoop.add(OpenLoopMeasurement.parse(fields));
        default -> {}
      }
    }
    return new Results(List.copyOf(measurements), facts, List.copyOf(openLoop));
  }

  List<Measurement> of(String target, String scenario, String program) {
    return measurements.stream()
        .filter(m -> m.target().equals(target))
        .filter(m -> m.scenario().equals(scenario))
        .filter(m -> m.program().equals(program))
        .toList();
  }

  /** Mean requests per second over the rounds of one program's scenario by one route. */
  public OptionalDouble meanRps(String target, String scenario, String program) {
    return of(target, scenario, program).stream().mapToDouble(Measurement::rps).average();
  }

  Optional<String> fact(String key) {
    return Optional.ofNullable(facts.get(key));
  }

  List<String> distinct(java.util.function.Function<Measurement, String> key, String target) {
    return measurements.stream()
        .filter(m -> m.target().equals(target))
        .map(key)
        .distinct()
        .toList();
  }

  /** One line per measurement that got a response other than 2xx or lost a connection. */
  public List<String> failures() {
    Stream<String> closed =
        measurements.stream()
            .filter(m -> !m.clean())
            .map(
                m ->
                    String.format(
                        "%s %s %s round %d: %d non-2xx, %d socket errors",
                        m.target(), m.scenario(), m.program(), m.round(), m.non2xx(), m.errors()));
    Stream<String> open =
        openLoop.stream()
            .filter(m -> !m.clean())
            .map(
                m ->
                    String.format(
                        "%s %s %s open loop at %d %%: %d non-2xx, %d errors",
                        m.target(),
                        m.scenario(),
                        m.program(),
                        m.percentOfPeak(),
                        m.non2xx(),
                        m.errors()));
    return Stream.concat(closed, open).toList();
  }

  long totalNon2xx() {
    return measurements.stream().mapToLong(m -> m.non2xx() + m.errors()).sum();
  }
}
