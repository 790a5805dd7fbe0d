package io.messageboard.bench.harness;

import io.messageboard.bench.load.LoadSummary;
import io.messageboard.bench.proc.ProcessSampler;
import io.messageboard.bench.report.Measurement;
import java.util.List;
import java.util.Locale;

/** One wrk measurement: warm-up (discarded), then the measured load with its processes sampled. */
final class Measure {

  /**
   * Something read around the measured load alone, not its warm-up: opened before, closed after.
   */
  @FunctionalInterface
  interface Window {
    /** Called just before the measured load; the returned closer runs just after it. */
    Runnable open();
  }

  private static final Window NOTHING_AROUND = () -> () -> {};

  private Measure() {}

  static void wrk(
      Run run, Wrk wrk, Turn turn, String baseUrl, List<ProcessSampler.Watched> watched) {
    wrk(run, wrk, turn, baseUrl, watched, NOTHING_AROUND);
  }

  static void wrk(
      Run run,
      Wrk wrk,
      Turn turn,
      String baseUrl,
      List<ProcessSampler.Watched> watched,
      Window around) {
    wrk.run(run.mode().warmUpSeconds(), turn.scenario(), baseUrl);
    Runnable close = around.open();
    ProcessSampler.Sample sample = run.sampler().start(watched);
    String output = wrk.run(run.mode().seconds(), turn.scenario(), baseUrl);
    List<Measurement.ProcessUsage> usage = sample.finish(run.mode().seconds());
    close.run();
    record(run, turn.measured(LoadSummary.fromOutput(output), usage));
  }

  static void record(Run run, Measurement m) {
    run.results().record(m);
    Log.info(
        String.format(
            Locale.ROOT,
            "%-7s %-10s %-14s round %d: %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d non-2xx, %d errors",
            m.target(),
            m.scenario(),
            m.program(),
            m.round(),
            m.rps(),
            m.p50(),
            m.p99(),
            m.non2xx(),
            m.errors()));
  }
}
