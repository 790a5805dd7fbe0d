package io.messageboard.bench.harness;

import io.messageboard.bench.plan.Mode;
import io.messageboard.bench.proc.ProcessSampler;

/** What every part of one run shares: where things are, how long to measure, what is running. */
record Run(
    Layout layout,
    Mode mode,
    Ports ports,
    Launcher launcher,
    JavaCommand java,
    MariaDbServer database,
    ProgramSettings settings,
    Wrk wrk,
    ProcessSampler sampler,
    ResultsFile results) {

  /** Messages loaded before the load starts; the wrk scripts pick ids among them. */
  static final int ROWS = 10_000;
}
