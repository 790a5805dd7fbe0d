package io.messageboard.bench.harness;

import io.messageboard.bench.load.LoadSummary;
import io.messageboard.bench.plan.Route;
import io.messageboard.bench.plan.Scenario;
import io.messageboard.bench.report.Measurement;
import java.util.List;

/** One program's turn in a round: which scenario it runs, by which route. */
record Turn(Route route, Scenario scenario, String program, int round) {

  Measurement measured(LoadSummary summary, List<Measurement.ProcessUsage> usage) {
    return summary.toMeasurement(route.id(), scenario.id(), program, round, usage);
  }
}
