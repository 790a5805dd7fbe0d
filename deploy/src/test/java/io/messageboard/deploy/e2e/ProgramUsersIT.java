package io.messageboard.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who the local stack's programs run as: started as root, only supervisord stays root, every
 * program and every process it starts (nginx's workers, HAProxy's checks, the backup tool's
 * clients) runs as the user deploy/local/users gives its kind, and each secret is its reader's
 * alone.
 */
class ProgramUsersIT {

  private static final StackUnderTest STACK = StackUnderTest.fromSystemProperties();
  private static final Pattern PROGRAM = Pattern.compile("^\\[program:([^\\]]+)]$");
  private static final Pattern USER = Pattern.compile("^user=(\\S+)$");
  private static final Pattern COLUMNS = Pattern.compile("\\s+");

  private static ProcessHandle supervisord;

  @BeforeAll
  static void stackRunsUnderItsOwnSupervisord() {
    assumeTrue(
        StackUnderTest.declares("supervised-processes"),
        "the stack's programs run in containers, each image with its user");
    supervisord = ProcessHandle.of(Long.parseLong(supervisorctl("pid").strip())).orElseThrow();
  }

  @Test
  void noProcessOfTheStackButSupervisordRunsAsRootWhenRootStartedIt() {
    assumeTrue(userOf(supervisord).equals("root"), "the stack was not started as root");
    Map<Long, String> processes = new TreeMap<>();
    // A process that ended between the listing and the look (a check, a sleep) has no user left.
    supervisord
        .descendants()
        .forEach(
            p -> p.info().user().ifPresent(u -> processes.put(p.pid(), u + " " + commandOf(p))));

    assertThat(processes).hasSizeGreaterThanOrEqualTo(programUsers().size());
    assertThat(processes.values()).noneMatch(process -> process.startsWith("root "));
  }

  @Test
  void everyProgramRunsAsTheUserItsConfigurationNames() {
    Map<String, String> mismatches = new TreeMap<>();
    programUsers()
        .forEach(
            (program, user) -> {
              String running = userOf(programProcess(program));
              if (!running.equals(user)) {
                mismatches.put(program, "runs as " + running + ", configured as " + user);
              }
            });

    assertThat(mismatches).isEmpty();
  }

  @Test
  void theProgramsRunAsEveryUserOfDeployLocalUsersWhenRootStartedTheStack() {
    assumeTrue(userOf(supervisord).equals("root"), "the stack was not started as root");

    assertThat(new TreeSet<>(programUsers().values()))
        .isEqualTo(new TreeSet<>(usersByKind().values()))
        .doesNotContain("root");
  }

  @Test
  void eachSecretIsItsReadersAloneAndTheCertificateAuthoritysKeyStaysRoots() throws IOException {
    boolean root = userOf(supervisord).equals("root");
    Map<String, String> kinds = usersByKind();
    Map<String, String> readers = new LinkedHashMap<>();
    readers.put("api-tokens", kinds.get("replica"));
    readers.put("app.password", kinds.get("replica"));
    readers.put("owner.password", kinds.get("replica"));
    readers.put("backup.cnf", kinds.get("database"));
    readers.put("mysqld-exporter-1.my.cnf", kinds.get("monitoring"));
    readers.put("tls/server.key", kinds.get("web"));
    readers.put("tls/ca.key", "root");
    readers.put("exporter.password", "root");
    Path secrets = STACK.stateDir().resolve("secrets");
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, String> secret : readers.entrySet()) {
      Path file = secrets.resolve(secret.getKey());
      String owner = Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName();
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      String expected = root ? secret.getValue() : userOf(supervisord);
      if (!owner.equals(expected)
          || !Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)
              .containsAll(permissions)) {
        wrong.add(secret.getKey() + " " + owner + " " + permissions + ", want " + expected);
      }
    }

    assertThat(wrong).isEmpty();
  }

  /** Each program of the rendered supervisord configuration with its {@code user=}. */
  private static Map<String, String> programUsers() {
    Map<String, String> users = new TreeMap<>();
    try (Stream<Path> programs = Files.list(STACK.stateDir().resolve("programs"))) {
      List<Path> files = new ArrayList<>(programs.sorted().toList());
      files.add(STACK.stateDir().resolve("supervisord.conf"));
      for (Path file : files) {
        String program = null;
        for (String line : Files.readAllLines(file)) {
          Matcher section = PROGRAM.matcher(line.strip());
          Matcher user = USER.matcher(line.strip());
          if (section.matches()) {
            program = section.group(1);
          } else if (program != null && user.matches()) {
            users.put(program, user.group(1));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(users).as("programs with a user= in the supervisord configuration").isNotEmpty();
    return users;
  }

  /** deploy/local/users: each kind of program's user when the stack is started as root. */
  private static Map<String, String> usersByKind() {
    Path file =
        Path.of(System.getProperty("messageboard.e2e.stack-script", "deploy/local/stack"))
            .resolveSibling("users");
    Map<String, String> users = new TreeMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        List<String> columns = COLUMNS.splitAsStream(line.replaceAll("#.*", "").strip()).toList();
        if (columns.size() >= 2) {
          users.put(columns.get(0), columns.get(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(users).containsKeys("database", "replica", "web", "monitoring", "proxy");
    return users;
  }

  private static ProcessHandle programProcess(String program) {
    String pid = supervisorctl("pid", program).strip();
    assertThat(pid).as("%s's pid (is it running?)", program).matches("[1-9][0-9]*");
    return ProcessHandle.of(Long.parseLong(pid)).orElseThrow();
  }

  private static String userOf(ProcessHandle process) {
    return process.info().user().orElseThrow(() -> new AssertionError("no user for " + process));
  }

  private static String commandOf(ProcessHandle process) {
    return process.info().commandLine().orElse(process.info().command().orElse("?"));
  }

  private static String supervisorctl(String... arguments) {
    List<String> command = new ArrayList<>(List.of("supervisorctl", "-c"));
    command.add(STACK.stateDir().resolve("supervisord.conf").toString());
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("supervisorctl ended").isTrue();
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
