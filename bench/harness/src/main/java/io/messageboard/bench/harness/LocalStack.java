package io.messageboard.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The local stack (deploy/local/stack) in a state folder of the run's own, with its default
 * topology or another one, driven through its verbs only.
 */
final class LocalStack {

  private final Path script;
  private final Path state;
  private final Path logs;
  private final Optional<Path> topology;
  private volatile boolean up;

  /** The stack as deploy/runtime/topology lays it out. */
  LocalStack(Path script, Path state, Path logs) {
    this(script, state, logs, Optional.empty());
  }

  /** The stack laid out by TOPOLOGY (MESSAGEBOARD_STACK_TOPOLOGY), when given. */
  LocalStack(Path script, Path state, Path logs, Optional<Path> topology) {
    this.script = script;
    this.state = state;
    this.logs = logs;
    this.topology = topology;
  }

  void up() {
    up = true;
    verb("up");
  }

  /** Raises the per-client rate limit, which a benchmark from one address would hit. */
  void rateLimit(String rate, String burst) {
    verb("rate-limit", rate, burst);
  }

  void sharedRateLimit() {
    verb("rate-limit", "shared");
  }

  /** Stops it and removes its state, if this run brought it up. */
  void downIfUp() {
    if (up) {
      verb("down", "--purge");
      up = false;
    }
  }

  /**
   * A database of the stack, as its root (socket authentication): the stack keeps the socket of
   * each at run/database/NAME.sock in its state folder, NAME as the topology calls it.
   */
  MariaDbClient database(String name) {
    return new MariaDbClient(state.resolve("run/database/" + name + ".sock"));
  }

  /** The first of the stack's bearer tokens (comma-separated, more than one while rotating). */
  String apiToken() throws IOException {
    String first = Files.readAllLines(state.resolve("secrets/api-tokens")).get(0);
    return first.split(",", 2)[0].strip();
  }

  private void verb(String... words) {
    List<String> command = new ArrayList<>(List.of(script.toString()));
    command.addAll(List.of(words));
    ProcessBuilder stack = new ProcessBuilder(command);
    stack.environment().put("MESSAGEBOARD_STACK_DIR", state.toString());
    topology.ifPresent(
        file -> stack.environment().put("MESSAGEBOARD_STACK_TOPOLOGY", file.toString()));
    Command.toFile(stack, logs.resolve(state.getFileName() + "-" + words[0] + ".log"));
  }
}
