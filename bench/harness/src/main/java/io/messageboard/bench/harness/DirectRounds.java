package io.messageboard.bench.harness;

import io.messageboard.bench.plan.Program;
import io.messageboard.bench.plan.Route;
import io.messageboard.bench.plan.Scenario;
import io.messageboard.bench.proc.ProcessSampler.Watched;
import java.io.IOException;
import java.util.List;

/** Every scenario against every program that serves it, one replica straight, round by round. */
final class DirectRounds {

  private final Run run;
  private final Programs programs;

  DirectRounds(Run run, Programs programs) {
    this.run = run;
    this.programs = programs;
  }

  /**
   * The JIT compiles each program's hot path during its first seconds under load; without this, the
   * first round measures compilation, and a large program more than a small one.
   */
  void warmUp() {
    int seconds = run.mode().jitWarmUpSeconds();
    Log.info("warming up every program (" + seconds + " s per program and scenario, not measured)");
    for (Scenario scenario : Scenario.values()) {
      for (Program program : Program.values()) {
        if (program.overHttp() && program.runs(scenario)) {
          run.wrk().run(seconds, scenario, programs.url(program));
        }
      }
    }
  }

  /**
   * Each round goes through every scenario and, within one, every program, so drift on a shared
   * machine spreads over all programs instead of favouring whichever ran first.
   */
  void measure() {
    for (int round : run.mode().roundNumbers()) {
      for (Scenario scenario : Scenario.values()) {
        for (Program program : Program.values()) {
          if (!program.runs(scenario)) {
            continue;
          }
          if (program.overHttp()) {
            Measure.wrk(
                run,
                run.wrk(),
                new Turn(Route.DIRECT, scenario, program.id(), round),
                programs.url(program),
                watched(program));
          } else {
            RawLoop.measure(run, scenario, round);
          }
        }
      }
    }
  }

  /** The product at fixed shares of the peaks just measured: the open loop, direct. */
  void measureOpenLoop() throws IOException {
    new OpenLoopRounds(run, Route.DIRECT, run.ports().product(), "")
        .measure(watched(Program.MESSAGEBOARD));
  }

  private List<Watched> watched(Program program) {
    return List.of(
        new Watched(program.id(), programs.pid(program)),
        new Watched("mariadb", run.database().pid()));
  }
}
