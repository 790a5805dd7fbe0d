package io.messageboard.bench.harness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The {@code docker run} command lines of a timed start of the service's image: on the host's
 * network (it reaches the harness's MariaDB on loopback and answers on the probe ports), its
 * settings passed by name so that their values come from the client's environment (no password on a
 * command line), removed when it exits. The client stays attached: stopping it stops the container.
 */
record DockerRun(String image, List<String> entrypoint) {

  static final String ARCHIVE_OPTION = "-XX:SharedArchiveFile=";

  /** The image as it starts anywhere: its own entrypoint, class-data archive included. */
  List<String> asBuilt(String container, Collection<String> settings) {
    List<String> command = options(container, settings);
    command.add(image);
    return command;
  }

  /** The same JVM, options and jar without the archive: the entrypoint less its archive option. */
  List<String> withoutArchive(String container, Collection<String> settings) {
    List<String> jvm = entrypoint.stream().filter(arg -> !arg.startsWith(ARCHIVE_OPTION)).toList();
    List<String> command = options(container, settings);
    command.add("--entrypoint");
    command.add(jvm.get(0));
    command.add(image);
    command.addAll(jvm.subList(1, jvm.size()));
    return command;
  }

  boolean mapsAnArchive() {
    return entrypoint.stream().anyMatch(arg -> arg.startsWith(ARCHIVE_OPTION));
  }

  private static List<String> options(String container, Collection<String> settings) {
    List<String> command =
        new ArrayList<>(List.of("docker", "run", "--rm", "--name", container, "--network", "host"));
    settings.stream().sorted().forEach(name -> command.addAll(List.of("--env", name)));
    return command;
  }
}
