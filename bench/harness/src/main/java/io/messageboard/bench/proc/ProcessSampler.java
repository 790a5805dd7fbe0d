package io.messageboard.bench.proc;

import io.messageboard.bench.report.Measurement.ProcessUsage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CPU and resident memory of named groups of processes over a measurement: CPU in percent of one
 * core averaged over the measured seconds, memory as read at the end.
 */
public final class ProcessSampler {

  /** A program under watch: its name in the report and its processes. */
  public record Watched(String name, List<Long> pids) {
    public Watched(String name, long pid) {
      this(name, List.of(pid));
    }
  }

  /** The CPU ticks of each watched process, read at the start of a measurement. */
  public final class Sample {
    private final Map<Watched, Map<Long, Long>> ticksBefore;

    private Sample(Map<Watched, Map<Long, Long>> ticksBefore) {
      this.ticksBefore = ticksBefore;
    }

    /** Usage per watched program, in the order they were given. */
    public List<ProcessUsage> finish(double seconds) {
      return ticksBefore.entrySet().stream()
          .map(
              e ->
                  new ProcessUsage(
                      e.getKey().name(),
                      100.0 * ticksSince(e.getValue()) / ticksPerSecond / seconds,
                      residentKib(e.getKey()) / 1024.0))
          .toList();
    }

    // A process that exited meanwhile counts for what it used until its last reading: nothing.
    private long ticksSince(Map<Long, Long> before) {
      return before.entrySet().stream()
          .mapToLong(e -> ticks(e.getKey()).orElse(e.getValue()) - e.getValue())
          .sum();
    }
  }

  private final ProcFiles proc;
  private final long ticksPerSecond;

  public ProcessSampler(ProcFiles proc, long ticksPerSecond) {
    this.proc = proc;
    this.ticksPerSecond = ticksPerSecond;
  }

  public Sample start(List<Watched> watched) {
    Map<Watched, Map<Long, Long>> before = new LinkedHashMap<>();
    for (Watched w : watched) {
      Map<Long, Long> ticks = new LinkedHashMap<>();
      w.pids().forEach(pid -> ticks.put(pid, ticks(pid).orElse(0L)));
      before.put(w, ticks);
    }
    return new Sample(before);
  }

  private Optional<Long> ticks(long pid) {
    return proc.read(pid + "/stat").map(ProcStat::cpuTicks);
  }

  private long residentKib(Watched watched) {
    return watched.pids().stream()
        .mapToLong(pid -> proc.read(pid + "/status").map(ProcStatus::residentKib).orElse(0L))
        .sum();
  }
}
