package io.messageboard.bench.harness;

import io.messageboard.bench.plan.Scenario;
import java.nio.file.Path;

/** Runs wrk with a scenario's script: 2 threads, 16 connections, the same for every program. */
record Wrk(Path scripts, int rows, String apiToken) {

  static final int THREADS = 2;
  static final int CONNECTIONS = 16;

  /** The same load with the bearer token writes need on the local stack. */
  Wrk withToken(String token) {
    return new Wrk(scripts, rows, token);
  }

  /** Runs SECONDS of SCENARIO against BASE_URL; the output ends with the JSON summary line. */
  String run(int seconds, Scenario scenario, String baseUrl) {
    return run(seconds, scenario.wrkScript(), baseUrl);
  }

  /** Runs SECONDS of bench/wrk/SCRIPT against BASE_URL. */
  String run(int seconds, String script, String baseUrl) {
    ProcessBuilder wrk =
        new ProcessBuilder(
                "wrk",
                "-t" + THREADS,
                "-c" + CONNECTIONS,
                "-d" + seconds + "s",
                "--timeout",
                "10s",
                "-s",
                script,
                baseUrl)
            .directory(scripts.toFile());
    wrk.environment().put("BENCH_ROWS", Integer.toString(rows));
    wrk.environment().put("BENCH_API_TOKEN", apiToken);
    return Command.output(wrk);
  }
}
