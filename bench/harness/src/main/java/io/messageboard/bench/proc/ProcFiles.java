package io.messageboard.bench.proc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads the proc file system (or a folder of recorded files laid out the same way). */
public record ProcFiles(Path root) {

  public static ProcFiles system() {
    return new ProcFiles(Path.of("/proc"));
  }

  /** A file's text, or empty when it is gone (a process that exited). */
  public Optional<String> read(String relative) {
    try {
      return Optional.of(Files.readString(root.resolve(relative)));
    } catch (IOException e) {
      // Gone, or (ESRCH) exited while its file was read.
      return Optional.empty();
    }
  }

  public String require(String relative) {
    return read(relative)
        .orElseThrow(() -> new IllegalStateException("cannot read " + root.resolve(relative)));
  }

  /** The ids of the processes alive now. */
  public List<Long> pids() {
    try (Stream<Path> entries = Files.list(root)) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(name -> name.chars().allMatch(Character::isDigit))
          .map(Long::valueOf)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a process's open file descriptors point to ("socket:[12345]", paths); empty if gone. */
  public List<String> descriptorTargets(long pid) {
    try (Stream<Path> fds = Files.list(root.resolve(pid + "/fd"))) {
      return fds.map(ProcFiles::target).flatMap(Optional::stream).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static Optional<String> target(Path link) {
    try {
      return Optional.of(Files.readSymbolicLink(link).toString());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
