package io.messageboard.bootstrap.lifecycle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged {@code messageboard.jar} running as a separate process on loopback ports chosen by
 * the OS.
 */
public final class RunningJar implements AutoCloseable {

  private static final Pattern READY =
      Pattern.compile(
          "ready in (\\d+) ms: API http://localhost:(\\d+)/ management http://localhost:(\\d+)/");

  private final Process process;
  private final Thread reader;
  private final List<String> lines = new ArrayList<>();
  private final Matcher ready;

  private RunningJar(Process process) throws InterruptedException {
    this.process = process;
    this.reader = new Thread(this::readOutput, "jar-output");
    reader.setDaemon(true);
    reader.start();
    this.ready = awaitReadyLine(Duration.ofSeconds(60));
  }

  /**
   * Starts the jar with in-memory storage, ports 0 and the given extra settings; returns once it
   * logged ready.
   */
  public static RunningJar start(Map<String, String> settings)
      throws IOException, InterruptedException {
    return new RunningJar(process(settings).start());
  }

  /** What a run that ended by itself printed, and its exit code. */
  public record Exited(int exitCode, List<String> lines) {}

  /**
   * Runs the jar like {@link #start} but expects it to end by itself (a start that fails); waits at
   * most {@code timeout}.
   */
  public static Exited runToExit(Map<String, String> settings, Duration timeout)
      throws IOException, InterruptedException {
    Process process = process(settings).start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("The jar was still running after " + timeout);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Exited(process.exitValue(), output.lines().toList());
  }

  /** What a verb printed, on standard output and standard error apart, and its exit code. */
  public record Finished(int exitCode, List<String> output, List<String> errors) {}

  /**
   * Runs {@code java -jar messageboard.jar VERB} with the settings of {@link #start} and waits at
   * most {@code timeout} for it to end.
   */
  public static Finished runVerb(String verb, Map<String, String> settings, Duration timeout)
      throws IOException, InterruptedException {
    ProcessBuilder builder = process(settings).redirectErrorStream(false);
    builder.command().add(verb);
    Path errors = Files.createTempFile("messageboard-" + verb, ".stderr");
    try {
      Process process = builder.redirectError(errors.toFile()).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("messageboard " + verb + " still ran after " + timeout);
      }
      return new Finished(
          process.exitValue(),
          output.lines().toList(),
          Files.readString(errors, StandardCharsets.UTF_8).lines().toList());
    } finally {
      Files.deleteIfExists(errors);
    }
  }

  private static ProcessBuilder process(Map<String, String> settings) {
    Path jar = Path.of(System.getProperty("messageboard.jar", "target/messageboard.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar.toAbsolutePath() + " is missing; run the integration tests after package");
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(java.toString(), "-Xmx256m", "-jar", jar.toString())
            .redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("MESSAGEBOARD_"));
    environment.put("MESSAGEBOARD_STORAGE", "memory");
    // SlowUpload trickles its body on purpose to keep a request in flight; behind nginx, which
    // buffers bodies, a replica never sees one this slow.
    environment.put("MESSAGEBOARD_HTTP_MIN_BODY_RATE", "0");
    environment.put("MESSAGEBOARD_HTTP_PORT", "0");
    environment.put("MESSAGEBOARD_MANAGEMENT_PORT", "0");
    environment.put("MESSAGEBOARD_REPLICA_ID", "it-replica");
    environment.putAll(settings);
    return builder;
  }

  public int apiPort() {
    return Integer.parseInt(ready.group(2));
  }

  public int managementPort() {
    return Integer.parseInt(ready.group(3));
  }

  public long readyAfterMillis() {
    return Long.parseLong(ready.group(1));
  }

  /**
   * Sends SIGTERM. Through the handle, because {@code Process.destroy()} also closes this side of
   * the output pipe and the shutdown log lines would be lost.
   */
  public void terminate() {
    process.toHandle().destroy();
  }

  /**
   * Exit code, or -1 when the process is still running after {@code timeout}; then all output has
   * been read.
   */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return -1;
    }
    reader.join(5_000);
    return process.exitValue();
  }

  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void readOutput() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // The process went away; what was read so far stays available.
    }
  }

  private Matcher awaitReadyLine(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      while (System.nanoTime() < deadline) {
        for (String line : lines) {
          Matcher matcher = READY.matcher(line.replace("\\/", "/")); // JSON lines escape slashes
          if (matcher.find()) {
            return matcher;
          }
        }
        if (!process.isAlive()) {
          break;
        }
        lines.wait(200);
      }
    }
    close();
    throw new IllegalStateException(
        "The jar did not report ready within "
            + timeout
            + "; output:\n"
            + String.join("\n", lines()));
  }
}
