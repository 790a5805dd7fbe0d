package io.messageboard.deploy.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where each program of the local stack listens: deploy/runtime/topology, the file the stack
 * renders its configuration from, read here so that the suites and the stack never disagree.
 */
public record Topology(List<Program> programs) {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** One line: {@code ROLE NAME ADDRESS PORT [SECOND_PORT]}; secondPort is 0 when absent. */
  public record Program(String role, String name, String address, int port, int secondPort) {

    /** {@code http://ADDRESS:PORT}. */
    public String url() {
      return "http://" + address + ":" + port;
    }

    /** {@code http://ADDRESS:SECOND_PORT} (a replica's management server). */
    public String secondUrl() {
      return "http://" + address + ":" + secondPort;
    }
  }

  public static Topology read(Path file) {
    try {
      List<Program> programs = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
          continue;
        }
        String[] fields = WHITESPACE.split(text, -1);
        if (fields.length < 4 || fields.length > 5) {
          throw new IllegalArgumentException(
              file + ": not ROLE NAME ADDRESS PORT [SECOND]: " + line);
        }
        programs.add(
            new Program(
                fields[0],
                fields[1],
                fields[2],
                Integer.parseInt(fields[3]),
                fields.length == 5 ? Integer.parseInt(fields[4]) : 0));
      }
      return new Topology(List.copyOf(programs));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The programs of one role, in the file's order. */
  public List<Program> of(String role) {
    return programs.stream().filter(program -> program.role().equals(role)).toList();
  }

  /** The first program of a role (the one the others use where there are several). */
  public Program first(String role) {
    return of(role).stream()
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no " + role + " in the topology"));
  }

  /** Every port any program listens on. */
  public List<Integer> ports() {
    List<Integer> ports = new ArrayList<>();
    for (Program program : programs) {
      ports.add(program.port());
      if (program.secondPort() != 0) {
        ports.add(program.secondPort());
      }
    }
    return ports;
  }
}
