package io.messageboard.bench.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.messageboard.bench.report.Measurement;
import io.messageboard.bench.report.Measurement.ProcessUsage;
import java.util.List;

/**
 * The one JSON line a load prints when it is done: bench/wrk/common.lua's {@code done()} for wrk,
 * the raw JDBC loop for itself. Latencies in microseconds.
 */
public record LoadSummary(
    long requests,
    double durationUs,
    double p50Us,
    double p90Us,
    double p99Us,
    double maxUs,
    long non2xx,
    long socketErrors) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

  /** Finds the summary among the other lines of the output (wrk's own text report). */
  public static LoadSummary fromOutput(String output) {
    List<String> lines = output.lines().filter(l -> l.startsWith("{")).toList();
    if (lines.size() != 1) {
      throw new IllegalArgumentException(
          "expected one JSON summary line, found " + lines.size() + " in:\n" + output);
    }
    try {
      return JSON.readValue(lines.get(0), LoadSummary.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("unreadable load summary: " + lines.get(0), e);
    }
  }

  public double requestsPerSecond() {
    return durationUs > 0 ? requests / (durationUs / 1e6) : 0;
  }

  /** The results file's record of this load: rates per second, latencies in milliseconds. */
  public Measurement toMeasurement(
      String target, String scenario, String program, int round, List<ProcessUsage> usage) {
    return new Measurement(
        target,
        scenario,
        program,
        round,
        requestsPerSecond(),
        p50Us / 1000,
        p90Us / 1000,
        p99Us / 1000,
        maxUs / 1000,
        non2xx,
        socketErrors,
        requests,
        usage);
  }
}
