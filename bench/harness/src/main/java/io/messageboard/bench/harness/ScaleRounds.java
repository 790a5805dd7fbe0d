package io.messageboard.bench.harness;

import io.messageboard.bench.load.LoadSummary;
import io.messageboard.bench.plan.Program;
import io.messageboard.bench.plan.ScaleScenario;
import io.messageboard.bench.proc.ProcessSampler;
import io.messageboard.bench.proc.ProcessSampler.Watched;
import io.messageboard.bench.report.Measurement;
import io.messageboard.bench.scale.BufferPoolCounters;
import io.messageboard.bench.scale.ScaleFacts;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scale scenarios against one replica over each board, both up together: JIT warm-up (which
 * also fills the buffer pool), then rounds through every scenario and, within one, every board,
 * with the buffer pool's counters read around each measured load.
 */
final class ScaleRounds {

  private final Run run;
  private final List<ScaleBoard> boards;
  private final BoardDatabase database;
  private final Map<ScaleBoard, Launched> replicas = new LinkedHashMap<>();

  ScaleRounds(Run run, List<ScaleBoard> boards, BoardDatabase database) {
    this.run = run;
    this.boards = boards;
    this.database = database;
  }

  void measure() {
    try {
      boards.forEach(this::start);
      int seconds = run.mode().jitWarmUpSeconds();
      Log.info("warming up each replica (" + seconds + " s per scenario, not measured)");
      for (ScaleScenario scenario : ScaleScenario.values()) {
        for (ScaleBoard board : boards) {
          wrk(board).run(seconds, scenario.wrkScript(), board.url());
        }
      }
      for (int round : run.mode().roundNumbers()) {
        for (ScaleScenario scenario : ScaleScenario.values()) {
          for (ScaleBoard board : boards) {
            measure(board, scenario, round);
          }
        }
      }
    } finally {
      replicas.values().forEach(Launched::stop);
    }
  }

  private void start(ScaleBoard board) {
    replicas.put(
        board,
        run.launcher()
            .start(
                board.replica(),
                run.java()
                    .jar(
                        run.layout().productJar(),
                        run.settings()
                            .product(
                                board.schema(),
                                board.port(),
                                board.managementPort(),
                                board.replica()))));
    Http.awaitOk(
        "http://127.0.0.1:" + board.managementPort() + "/health/ready",
        Duration.ofSeconds(120),
        run.layout().work().toString());
  }

  private Wrk wrk(ScaleBoard board) {
    return new Wrk(run.layout().wrkScripts(), board.messages(), "");
  }

  private void measure(ScaleBoard board, ScaleScenario scenario, int round) {
    Wrk wrk = wrk(board);
    wrk.run(run.mode().warmUpSeconds(), scenario.wrkScript(), board.url());
    BufferPoolCounters before = database.bufferPoolCounters();
    ProcessSampler.Sample sample =
        run.sampler()
            .start(
                List.of(
                    new Watched(Program.MESSAGEBOARD.id(), replicas.get(board).pid()),
                    new Watched("mariadb", run.database().pid())));
    String output = wrk.run(run.mode().seconds(), scenario.wrkScript(), board.url());
    List<Measurement.ProcessUsage> usage = sample.finish(run.mode().seconds());
    BufferPoolCounters moved = database.bufferPoolCounters().since(before);
    Measure.record(
        run,
        LoadSummary.fromOutput(output)
            .toMeasurement(board.target(), scenario.id(), Program.MESSAGEBOARD.id(), round, usage));
    run.results().fact(ScaleFacts.bufferPool(board.target(), scenario.id(), round), moved.toFact());
  }
}
