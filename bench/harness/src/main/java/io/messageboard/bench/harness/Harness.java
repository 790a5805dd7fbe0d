package io.messageboard.bench.harness;

import io.messageboard.bench.plan.Mode;
import io.messageboard.bench.proc.ListeningSockets;
import io.messageboard.bench.proc.ProcFiles;
import io.messageboard.bench.proc.ProcessSampler;
import io.messageboard.bench.report.ReportWriter;
import io.messageboard.bench.report.Results;
import io.messageboard.bench.report.ScaleReport;
import io.messageboard.bench.settings.JvmArgs;
import io.messageboard.bench.settings.JvmEnv;
import io.messageboard.bench.settings.MariaDbConfig;
import io.messageboard.bench.settings.RuntimeFiles;
import io.messageboard.bench.settings.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The benchmark: starts MariaDB and the programs, loads them with wrk (and, in the full run, at
 * fixed rates with the open loop), samples their processes, and writes the report. {@code Harness
 * --repository DIR [--quick | --scale]}; bench/run builds the jars and launches it. Exits 1 on any
 * failure or any response other than 2xx, never on speed.
 */
public final class Harness {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private Harness() {}

  public static void main(String[] args) throws Exception {
    Arguments arguments = Arguments.parse(args);
    Mode mode = arguments.mode();
    // Searchable by others (not listable): the local stack's programs run as their own users and
    // must reach the stack's state folder inside it.
    Path work =
        Files.createTempDirectory(
            "messageboard-bench.",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
    Layout layout = new Layout(arguments.repository(), work);
    Launcher launcher = new Launcher(work);
    RuntimeFiles runtime = new RuntimeFiles(layout.repository());
    LocalStack cluster = new LocalStack(layout.localStack(), work.resolve("stack"), work);
    LocalStack singleNode =
        new LocalStack(
            layout.localStack(),
            work.resolve("stack-single-node"),
            work,
            Optional.of(runtime.singleNodeTopology()));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  launcher.stopAll();
                  cluster.downIfUp();
                  singleNode.downIfUp();
                }));
    boolean clean;
    try {
      clean =
          run(
              layout,
              mode,
              launcher,
              new StackRounds.StackUnderTest(cluster, Topology.read(runtime.topology())),
              new StackRounds.StackUnderTest(
                  singleNode, Topology.read(runtime.singleNodeTopology())));
    } catch (Exception e) {
      Log.info("error: " + e.getMessage());
      Log.info("failed; logs kept in " + work);
      e.printStackTrace();
      System.exit(1);
      return;
    }
    launcher.stopAll();
    if (!clean) {
      Log.info("logs kept in " + work);
      System.exit(1);
    }
    deleteTree(work);
  }

  /** The whole run; false when some response was not 2xx or some connection failed. */
  private static boolean run(
      Layout layout,
      Mode mode,
      Launcher launcher,
      StackRounds.StackUnderTest cluster,
      StackRounds.StackUnderTest singleNode)
      throws IOException {
    RuntimeFiles runtime = new RuntimeFiles(layout.repository());
    JvmArgs jvmArgs = JvmArgs.read(runtime.jvmArgs());
    JvmEnv jvmEnv = JvmEnv.read(runtime.jvmEnv());
    ProcFiles proc = ProcFiles.system();
    Ports ports = Ports.fromEnvironment();
    MariaDbServer database =
        new MariaDbServer(
            new MariaDbConfig(
                layout.work().resolve("mariadb"), ports.mariadb(), runtime.mariadbServerConfig()));
    Run run =
        new Run(
            layout,
            mode,
            ports,
            launcher,
            new JavaCommand(jvmArgs, jvmEnv),
            database,
            new ProgramSettings(database, ProgramSettings.defaultPoolSize(), Run.ROWS),
            new Wrk(layout.wrkScripts(), Run.ROWS, ""),
            new ProcessSampler(proc, Long.parseLong(Command.output("getconf", "CLK_TCK").strip())),
            new ResultsFile(layout.work().resolve("results.tsv")));
    MachineFacts.recordAtStart(run, proc, jvmArgs, jvmEnv);
    Log.info("starting MariaDB on 127.0.0.1:" + ports.mariadb());
    database.start(launcher);
    if (mode.scale()) {
      new ScaleRun(run, ScaleSettings.from(System.getenv())).measure();
      MachineFacts.recordAtEnd(run.results(), proc);
      return report(run, List.of());
    }
    Programs programs = new Programs(run);
    programs.start();
    List<Path> fragments = new ArrayList<>();
    // Starts are timed before any load, while the other programs idle: after the write scenarios
    // MariaDB is still flushing and purging for minutes, which a replica starting in service does
    // not share its cores with.
    if (!mode.quick()) {
      new StartToReady(run, new QuietCores(proc)).measure();
      new ImageStartToReady(run, new QuietCores(proc)).measure();
    }
    DirectRounds direct = new DirectRounds(run, programs);
    direct.warmUp();
    direct.measure();
    if (!mode.quick()) {
      direct.measureOpenLoop();
      fragments.add(ProductProfile.record(run, programs));
      SmallHeapExport.measure(run);
      new StackRounds(run, cluster, singleNode, new ListeningSockets(proc)).measure();
    }
    MachineFacts.recordAtEnd(run.results(), proc);
    return report(run, fragments);
  }

  private static boolean report(Run run, List<Path> fragments) throws IOException {
    Path folder = run.layout().reports(run.mode().quick());
    Files.createDirectories(folder);
    String stamp = STAMP.format(Instant.now()) + (run.mode().scale() ? "-scale" : "");
    Path tsv = folder.resolve(stamp + ".tsv");
    Files.copy(run.results().path(), tsv);
    Results results = Results.read(tsv);
    if (run.mode().scale()) {
      ScaleReport.write(results, folder.resolve(stamp + ".md"));
    } else {
      ReportWriter.write(results, folder.resolve(stamp + ".md"), fragments);
    }
    Log.info("report: " + folder.resolve(stamp + ".md"));
    List<String> failures = results.failures();
    if (!failures.isEmpty()) {
      Log.info("error: responses other than 2xx or failures:\n" + String.join("\n", failures));
    }
    return failures.isEmpty();
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
