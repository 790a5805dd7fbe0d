package io.messageboard.bench.harness;

import io.messageboard.bench.settings.JvmArgs;
import io.messageboard.bench.settings.JvmEnv;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Command lines for the Java programs the harness measures: each runs with the replica's options
 * ({@code java @deploy/runtime/jvm.args}) and environment (deploy/runtime/jvm.env), the references
 * as much as the product, so that they differ only in their code.
 */
record JavaCommand(JvmArgs options, JvmEnv environment) {

  /**
   * {@code java @jvm.args EXTRA... -jar JAR ARGS...} with the replica's environment plus SETTINGS.
   * Options in EXTRA come after the file's, so they win (-Xmx64m for the export).
   */
  ProcessBuilder jar(Path jar, List<String> extra, Map<String, String> settings, String... args) {
    List<String> command = new ArrayList<>(List.of("java", options.argumentFile()));
    command.addAll(extra);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    return tool(command, settings);
  }

  ProcessBuilder jar(Path jar, Map<String, String> settings, String... args) {
    return jar(jar, List.of(), settings, args);
  }

  /** A JDK tool (jcmd, jstat, jfr): a JVM too, so it gets the environment, not the options. */
  ProcessBuilder tool(List<String> command, Map<String, String> settings) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment.variables());
    builder.environment().putAll(settings);
    return builder;
  }
}
