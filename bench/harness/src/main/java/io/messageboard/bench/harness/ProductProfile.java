package io.messageboard.bench.harness;

import io.messageboard.bench.jvm.JfrComponents;
import io.messageboard.bench.plan.Program;
import io.messageboard.bench.plan.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A JFR recording of the product under GET-by-id load: how the samples spread over the components
 * on the stack, and its hot methods, as a fragment appended to the report.
 */
final class ProductProfile {

  // The JDK 25 jfr has the `view` command; the JDK on the path may be older.
  private static final Path JDK25_JFR = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr");

  private ProductProfile() {}

  static Path record(Run run, Programs programs) throws IOException {
    int seconds = 3 * run.mode().seconds();
    Log.info("profiling the product under GET by id (JFR, " + seconds + " s)");
    Path recording = run.layout().work().resolve("get-by-id.jfr");
    String pid = Long.toString(programs.pid(Program.MESSAGEBOARD));
    tool(run, "jcmd", pid, "JFR.start", "name=bench", "settings=profile", "filename=" + recording);
    run.wrk().run(seconds, Scenario.GET_BY_ID, programs.url(Program.MESSAGEBOARD));
    tool(run, "jcmd", pid, "JFR.stop", "name=bench");
    String jfr = Files.isExecutable(JDK25_JFR) ? JDK25_JFR.toString() : "jfr";
    // Hundreds of megabytes of text for a 30 s recording: read as a stream, not held.
    Path samples = run.layout().work().resolve("get-by-id-samples.txt");
    Command.toFile(
        run.java()
            .tool(
                List.of(
                    jfr,
                    "print",
                    "--events",
                    "jdk.ExecutionSample",
                    "--stack-depth",
                    "64",
                    recording.toString()),
                Map.of()),
        samples);
    JfrComponents.Tally tally;
    try (Stream<String> lines = Files.lines(samples)) {
      tally = JfrComponents.count(lines);
    }
    Command.Result hot =
        Command.run(
            run.java()
                .tool(
                    List.of(jfr, "view", "--width", "140", "hot-methods", recording.toString()),
                    Map.of()),
            null);
    String hotMethods =
        hot.status() == 0 ? hot.output() : tool(run, jfr, "summary", recording.toString());
    List<String> lines = new ArrayList<>();
    lines.add("## Profile: messageboard under GET by id (JFR, " + seconds + "s)");
    lines.add("");
    lines.add(
        "Samples per component, inclusive (a sample counts for every component on its stack):");
    lines.add("");
    lines.addAll(JfrComponents.table(tally));
    lines.add("");
    lines.add("Hot methods (top frame of each sample):");
    lines.add("");
    lines.add("```");
    lines.addAll(hotMethods.lines().toList());
    lines.add("```");
    Path fragment = run.layout().work().resolve("profile.md");
    Files.write(fragment, lines);
    return fragment;
  }

  private static String tool(Run run, String... command) {
    return Command.output(run.java().tool(List.of(command), Map.of()));
  }
}
