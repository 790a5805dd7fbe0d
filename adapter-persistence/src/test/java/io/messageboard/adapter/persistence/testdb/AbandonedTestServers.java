package io.messageboard.adapter.persistence.testdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Embedded test servers whose JVM died without stopping them: PIT ends a worker that runs past its
 * timeout abruptly, and its shutdown hooks never run. Each server's data directory is named after
 * the JVM that owns it, so the next test JVM finds those left behind, stops them and deletes their
 * files.
 */
final class AbandonedTestServers {

  private static final Pattern OWNED = Pattern.compile("jvm(\\d+)-.*");
  private static final long STOP_WAIT_SECONDS = 30;

  private AbandonedTestServers() {}

  /** A new data directory under {@code parent}, named after this JVM. */
  static Path newDataDirectory(Path parent) throws IOException {
    return Files.createTempDirectory(
        Files.createDirectories(parent), "jvm" + ProcessHandle.current().pid() + "-");
  }

  /** Stops the servers under {@code parent} whose owning JVM is gone, and deletes their files. */
  static void stop(Path parent) {
    if (!Files.isDirectory(parent)) {
      return;
    }
    try (Stream<Path> directories = Files.list(parent)) {
      for (Path directory : directories.toList()) {
        Matcher owner = OWNED.matcher(directory.getFileName().toString());
        if (owner.matches() && ProcessHandle.of(Long.parseLong(owner.group(1))).isEmpty()) {
          server(directory.resolve("mariadb")).ifPresent(AbandonedTestServers::stopServer);
          EmbeddedTestServer.deleteRecursively(directory);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot look for abandoned test servers in " + parent, e);
    }
  }

  // mariadbd writes its process id into the data directory; the command is checked before the
  // process is stopped, in case the id has since been reused.
  private static Optional<ProcessHandle> server(Path files) throws IOException {
    if (!Files.isDirectory(files)) {
      return Optional.empty();
    }
    try (Stream<Path> entries = Files.list(files)) {
      List<Path> pidFiles = entries.filter(path -> path.toString().endsWith(".pid")).toList();
      for (Path pidFile : pidFiles) {
        String pid = Files.readString(pidFile, StandardCharsets.US_ASCII).strip();
        Optional<ProcessHandle> process =
            ProcessHandle.of(Long.parseLong(pid))
                .filter(
                    handle ->
                        handle.info().command().map(c -> c.endsWith("/mariadbd")).orElse(false));
        if (process.isPresent()) {
          return process;
        }
      }
    }
    return Optional.empty();
  }

  private static void stopServer(ProcessHandle server) {
    Optional<Path> binaries =
        server.info().arguments().stream()
            .flatMap(Stream::of)
            .filter(argument -> argument.startsWith("--basedir="))
            .map(argument -> Path.of(argument.substring("--basedir=".length())))
            .findFirst();
    server.destroy();
    try {
      server.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      server.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.destroyForcibly();
    }
    binaries.ifPresent(EmbeddedTestServer::deleteRecursively);
  }
}
