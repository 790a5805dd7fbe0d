package io.messageboard.bench.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.messageboard.bench.proc.ProcessSampler.Watched;
import io.messageboard.bench.report.Measurement.ProcessUsage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSamplerTest {

  @TempDir Path proc;

  @Test
  void givesCpuAsPercentOfOneCoreOverTheMeasuredSeconds() throws IOException {
    process(20, 1000, 0, 102_400);
    ProcessSampler sampler = new ProcessSampler(new ProcFiles(proc), 100);
    ProcessSampler.Sample sample = sampler.start(List.of(new Watched("messageboard", 20)));
    process(20, 1500, 300, 153_600);

    List<ProcessUsage> usage = sample.finish(10);

    // 800 ticks at 100 per second over 10 s: 80 % of one core; 150 MiB resident at the end.
    assertThat(usage).hasSize(1);
    assertThat(usage.get(0).name()).isEqualTo("messageboard");
    assertThat(usage.get(0).cpuPercent()).isCloseTo(80.0, within(1e-9));
    assertThat(usage.get(0).rssMib()).isCloseTo(150.0, within(1e-9));
  }

  @Test
  void addsUpTheProcessesOfOneProgram() throws IOException {
    process(30, 0, 0, 1024);
    process(31, 0, 0, 2048);
    ProcessSampler sampler = new ProcessSampler(new ProcFiles(proc), 100);
    ProcessSampler.Sample sample = sampler.start(List.of(new Watched("nginx", List.of(30L, 31L))));
    process(30, 100, 0, 1024);
    process(31, 50, 50, 2048);

    ProcessUsage nginx = sample.finish(2).get(0);

    assertThat(nginx.cpuPercent()).isCloseTo(100.0, within(1e-9));
    assertThat(nginx.rssMib()).isCloseTo(3.0, within(1e-9));
  }

  @Test
  void countsAProcessThatExitedAsUsingNothingMore() throws IOException {
    process(40, 500, 0, 4096);
    ProcessSampler sampler = new ProcessSampler(new ProcFiles(proc), 100);
    ProcessSampler.Sample sample = sampler.start(List.of(new Watched("raw-jdbc", 40)));
    Files.delete(proc.resolve("40/stat"));
    Files.delete(proc.resolve("40/status"));

    ProcessUsage gone = sample.finish(1).get(0);

    assertThat(gone.rssMib()).isZero();
    assertThat(gone.cpuPercent()).isZero();
  }

  @Test
  void keepsTheOrderTheProgramsWereGivenIn() throws IOException {
    process(1, 0, 0, 0);
    process(2, 0, 0, 0);
    ProcessSampler sampler = new ProcessSampler(new ProcFiles(proc), 100);

    List<ProcessUsage> usage =
        sampler.start(List.of(new Watched("spring-peer", 2), new Watched("mariadb", 1))).finish(1);

    assertThat(usage).extracting(ProcessUsage::name).containsExactly("spring-peer", "mariadb");
  }

  private void process(long pid, long utime, long stime, long rssKib) throws IOException {
    Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
    Files.writeString(
        dir.resolve("stat"),
        pid + " (java) S 1 1 1 0 -1 4194304 0 0 0 0 " + utime + " " + stime + " 0 0 20 0 1 0\n");
    Files.writeString(dir.resolve("status"), "Name:\tjava\nVmRSS:\t  " + rssKib + " kB\n");
  }
}
