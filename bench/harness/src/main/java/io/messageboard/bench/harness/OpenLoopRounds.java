package io.messageboard.bench.harness;

import io.messageboard.bench.openloop.Clock;
import io.messageboard.bench.openloop.HttpSender;
import io.messageboard.bench.openloop.OpenLoop;
import io.messageboard.bench.openloop.OpenLoopResult;
import io.messageboard.bench.openloop.ScenarioRequests;
import io.messageboard.bench.openloop.Schedule;
import io.messageboard.bench.plan.FixedRate;
import io.messageboard.bench.plan.Program;
import io.messageboard.bench.plan.Route;
import io.messageboard.bench.plan.Scenario;
import io.messageboard.bench.proc.ProcessSampler;
import io.messageboard.bench.proc.ProcessSampler.Watched;
import io.messageboard.bench.report.Measurement.ProcessUsage;
import io.messageboard.bench.report.OpenLoopMeasurement;
import io.messageboard.bench.report.Results;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The product's GET by id and POST by one route under an open-loop load, at each {@link FixedRate}
 * of the peak the same run's closed loop (wrk) measured for them; the full run only. Each rate gets
 * a warm-up at that rate (discarded), then the measured load, with the processes sampled and the
 * generator (this process) among them.
 */
final class OpenLoopRounds {

  /**
   * Four times wrk's 16: at 80 % of the peak latency grows, and a connection is busy for as long as
   * its request waits; with too few, requests would wait for a connection in the generator instead
   * of in the server (counted all the same, but as late sends).
   */
  static final int CONNECTIONS = 64;

  private static final List<Scenario> SCENARIOS = List.of(Scenario.GET_BY_ID, Scenario.POST);
  private static final String HOST = "127.0.0.1";

  private final Run run;
  private final Route route;
  private final int port;
  private final String apiToken;

  /** Loads 127.0.0.1:PORT by ROUTE; writes carry API_TOKEN unless it is empty. */
  OpenLoopRounds(Run run, Route route, int port, String apiToken) {
    this.run = run;
    this.route = route;
    this.port = port;
    this.apiToken = apiToken;
  }

  /** WATCHED: the processes of the program under load, sampled as the closed loop samples them. */
  void measure(List<Watched> watched) throws IOException {
    Results closedLoop = Results.read(run.results().path());
    List<Watched> sampled = new ArrayList<>(watched);
    sampled.add(new Watched("generator", ProcessHandle.current().pid()));
    for (Scenario scenario : SCENARIOS) {
      OptionalDouble peak =
          closedLoop.meanRps(route.id(), scenario.id(), Program.MESSAGEBOARD.id());
      if (peak.isEmpty()) {
        Log.info("no closed-loop peak for " + route.id() + " " + scenario.id() + "; no open loop");
        continue;
      }
      for (FixedRate rate : FixedRate.ofPeak(peak.getAsDouble())) {
        load(scenario, rate, run.mode().warmUpSeconds());
        ProcessSampler.Sample sample = run.sampler().start(sampled);
        OpenLoopResult result = load(scenario, rate, run.mode().seconds());
        List<ProcessUsage> usage = sample.finish(run.mode().seconds());
        record(
            new OpenLoopMeasurement(
                route.id(),
                scenario.id(),
                Program.MESSAGEBOARD.id(),
                rate.percentOfPeak(),
                rate.perSecond(),
                result.achievedPerSecond(),
                result.responses(),
                result.late(),
                result.unsent(),
                result.non2xx(),
                result.errors(),
                usage,
                result.latencyUs()));
      }
    }
  }

  private OpenLoopResult load(Scenario scenario, FixedRate rate, int seconds) {
    String runStamp = Long.toString(Instant.now().getEpochSecond());
    InetSocketAddress address = new InetSocketAddress(HOST, port);
    List<HttpSender> senders = new ArrayList<>();
    try {
      for (int sender = 1; sender <= CONNECTIONS; sender++) {
        senders.add(
            new HttpSender(
                address,
                new ScenarioRequests(
                    scenario, HOST + ":" + port, Run.ROWS, apiToken, runStamp, sender)));
      }
      return new OpenLoop(new Schedule(rate.perSecond(), Duration.ofSeconds(seconds)), Clock.SYSTEM)
          .run(senders);
    } catch (IOException e) {
      throw new UncheckedIOException("could not connect to " + address, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the open loop", e);
    } finally {
      senders.forEach(HttpSender::close);
    }
  }

  private void record(OpenLoopMeasurement m) {
    run.results().record(m);
    Log.info(
        String.format(
            Locale.ROOT,
            "%-7s %-10s open loop at %d %% (%d/s): %.0f req/s, p50 %.2f ms, p99 %.2f ms,"
                + " p99.9 %.2f ms, max %.1f ms, %d late, %d not sent, %d non-2xx, %d errors",
            m.target(),
            m.scenario(),
            m.percentOfPeak(),
            m.ratePerSecond(),
            m.achievedPerSecond(),
            m.percentileMs(50),
            m.percentileMs(99),
            m.percentileMs(99.9),
            m.maxMs(),
            m.late(),
            m.unsent(),
            m.non2xx(),
            m.errors()));
  }
}
