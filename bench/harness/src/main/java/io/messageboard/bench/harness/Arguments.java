package io.messageboard.bench.harness;

import io.messageboard.bench.plan.Mode;
import java.nio.file.Path;

/** The harness's command line: {@code --repository DIR [--quick | --scale]}. */
record Arguments(Path repository, Mode mode) {

  static Arguments parse(String... args) {
    Mode mode = Mode.FULL;
    Path repository = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> mode = Mode.QUICK;
        case "--scale" -> mode = Mode.SCALE;
        case "--repository" -> {
          if (i + 1 == args.length) {
            throw new IllegalArgumentException("--repository needs a folder");
          }
          repository = Path.of(args[++i]).toAbsolutePath().normalize();
        }
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    if (repository == null) {
      throw new IllegalArgumentException("usage: Harness --repository DIR [--quick | --scale]");
    }
    return new Arguments(repository, mode);
  }
}
