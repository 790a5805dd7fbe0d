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

/** Everything one run of bench/run recorded: measurements and named facts, in file order. */
public record Results(List<Measurement> measurements, Map<String, String> facts) {

  public static Results read(Path file) throws IOException {
    List<Measurement> measurements = new ArrayList<>();
    Map<String, String> facts = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      String[] fields = line.split("\t", -1);
      if (fields[0].equals("load")) {
        measurements.add(Measurement.parse(fields));
      } else if (fields[0].equals("fact")) {
        facts.put(fields[1], fields[2]);
      }
    }
    return new Results(List.copyOf(measurements), facts);
  }

  List<Measurement> of(String target, String scenario, String program) {
    return measurements.stream()
        .filter(m -> m.target().equals(target))
        .filter(m -> m.scenario().equals(scenario))
        .filter(m -> m.program().equals(program))
        .toList();
  }

  OptionalDouble meanRps(String target, String scenario, String program) {
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
    return measurements.stream()
        .filter(m -> !m.clean())
        .map(
            m ->
                String.format(
                    "%s %s %s round %d: %d non-2xx, %d socket errors",
                    m.target(), m.scenario(), m.program(), m.round(), m.non2xx(), m.errors()))
        .toList();
  }

  long totalNon2xx() {
    return measurements.stream().mapToLong(m -> m.non2xx() + m.errors()).sum();
  }
}
