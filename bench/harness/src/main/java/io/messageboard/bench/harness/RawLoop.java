package io.messageboard.bench.harness;

import io.messageboard.bench.load.LoadSummary;
import io.messageboard.bench.plan.Program;
import io.messageboard.bench.plan.Route;
import io.messageboard.bench.plan.Scenario;
import io.messageboard.bench.proc.ProcessSampler;
import io.messageboard.bench.proc.ProcessSampler.Watched;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The raw JDBC loop as a measurement: it is its own load and leaves out its own warm-up; its CPU
 * and MariaDB's are sampled over the measured seconds, less half a second of margin at the end.
 */
final class RawLoop {

  private RawLoop() {}

  static void measure(Run run, Scenario scenario, int round) {
    String mode = scenario == Scenario.POST ? "insert" : "select";
    String name = Program.RAW_JDBC.id() + "-" + scenario.id() + "-" + round;
    Launched loop =
        run.launcher()
            .start(
                name,
                run.java()
                    .jar(
                        run.layout().rawJdbcJar(),
                        run.settings().reference(0),
                        mode,
                        Integer.toString(run.mode().warmUpSeconds()),
                        Integer.toString(run.mode().seconds())));
    Pause.seconds(run.mode().warmUpSeconds());
    double sampled = run.mode().seconds() - 0.5;
    ProcessSampler.Sample sample =
        run.sampler()
            .start(
                List.of(
                    new Watched(Program.RAW_JDBC.id(), loop.pid()),
                    new Watched("mariadb", run.database().pid())));
    Pause.seconds(sampled);
    var usage = sample.finish(sampled);
    String output = awaitOutput(run, loop);
    Measure.record(
        run,
        new Turn(Route.DIRECT, scenario, Program.RAW_JDBC.id(), round)
            .measured(LoadSummary.fromOutput(output), usage));
  }

  private static String awaitOutput(Run run, Launched loop) {
    try {
      int status = loop.process().waitFor();
      String output = Files.readString(run.launcher().log(loop.name()));
      if (status != 0) {
        throw new IllegalStateException("the raw JDBC loop failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
