package io.messageboard.bench.harness;

import io.messageboard.bench.plan.Mode;
import io.messageboard.bench.proc.MachineInfo;
import io.messageboard.bench.proc.ProcFiles;
import io.messageboard.bench.settings.JvmArgs;
import io.messageboard.bench.settings.JvmEnv;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The facts that open the report: the machine, the tools' versions and the run's settings. */
final class MachineFacts {

  private MachineFacts() {}

  static void recordAtStart(Run run, ProcFiles proc, JvmArgs jvmArgs, JvmEnv jvmEnv) {
    ResultsFile facts = run.results();
    Mode mode = run.mode();
    facts.fact("started", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    facts.fact("mode", mode.name());
    facts.fact(
        "CPU",
        Runtime.getRuntime().availableProcessors()
            + " cores, "
            + MachineInfo.cpuModel(proc.require("cpuinfo")));
    facts.fact("memory", MachineInfo.memory(proc.require("meminfo")));
    facts.fact(
        "load average at start (1, 5, 15 min)", MachineInfo.loadAverage(proc.require("loadavg")));
    facts.fact("JDK", Command.output("java", "-version").lines().skip(1).findFirst().orElse("?"));
    facts.fact("MariaDB", afterVer(Command.output("mariadbd", "--version")));
    facts.fact("wrk", wrkVersion());
    facts.fact(
        "JVM options of every Java program (deploy/runtime/jvm.args)",
        "`" + jvmArgs.describe() + "`");
    facts.fact(
        "Environment of every Java program (deploy/runtime/jvm.env)",
        "`" + jvmEnv.describe() + "`");
    facts.fact(
        "load",
        String.format(
            "wrk, %d threads, %d connections; %ds JIT warm-up per program and scenario, then per"
                + " measurement %ds warm-up (excluded), %ds measured, %d round(s) interleaved",
            Wrk.THREADS,
            Wrk.CONNECTIONS,
            mode.jitWarmUpSeconds(),
            mode.warmUpSeconds(),
            mode.seconds(),
            mode.rounds()));
    facts.fact(
        "pool size (every program; the product's default, 2 x cores)",
        Integer.toString(run.settings().poolSize()));
    facts.fact(
        "MariaDB settings",
        "deploy/runtime/mariadb/server.cnf (durable: innodb_flush_log_at_trx_commit=1, sync_binlog=1, binary log on)"
            + (mode.scale() ? "" : "; " + Run.ROWS + " messages"));
    facts.fact("product", productCommit(run));
  }

  static void recordAtEnd(ResultsFile facts, ProcFiles proc) {
    facts.fact(
        "load average at end (1, 5, 15 min)", MachineInfo.loadAverage(proc.require("loadavg")));
  }

  /** "mariadbd Ver 10.11.6-MariaDB-0+deb12u1 for debian-linux-gnu" gives what follows "Ver ". */
  static String afterVer(String version) {
    String line = version.lines().findFirst().orElse("");
    int at = line.indexOf("Ver ");
    return at < 0 ? line.strip() : line.substring(at + 4).strip();
  }

  // wrk -v prints its version and exits with 1.
  private static String wrkVersion() {
    String first =
        Command.run(new ProcessBuilder("wrk", "-v"), null).output().lines().findFirst().orElse("");
    String[] words = first.strip().split("\\s+");
    return words.length >= 2 ? words[0] + " " + words[1] : first;
  }

  private static String productCommit(Run run) {
    Command.Result head =
        Command.run(
            new ProcessBuilder(
                "git", "-C", run.layout().repository().toString(), "rev-parse", "--short", "HEAD"),
            null);
    return head.status() == 0 ? head.output().strip() : "unknown";
  }
}
