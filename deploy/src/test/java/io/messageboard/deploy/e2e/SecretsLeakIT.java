package io.messageboard.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.messageboard.deploy.config.RenderedManifests;
import io.messageboard.testing.Prerequisite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No secret the stack generated appears where it must not: in the jar the replicas run, in the
 * rendered Kubernetes manifests, or in any log of the running stack. The secrets are read from the
 * stack's owner-only secrets folder, so the check follows whatever it generates.
 */
class SecretsLeakIT {

  private static final StackUnderTest STACK = StackUnderTest.fromSystemProperties();
  private static final Path REPO = Path.of("").toAbsolutePath().getParent();

  /**
   * Files in the secrets folder whose values are secrets: database passwords now; API tokens (one
   * or more per file, a line or comma each) are found by these names as soon as the stack writes
   * them.
   */
  private static final List<String> SECRET_FILES = List.of("*.password", "*token*");

  private static final Map<String, String> SECRETS = secrets();

  // The local stack keeps its generated secrets and its logs as files in its state folder; the
  // compose stack keeps them as Docker secrets and container output and says so (log-files=false),
  // so this runs on the former.
  @BeforeAll
  static void theStackKeepsItsSecretsAndLogsAsFiles() {
    assumeTrue(
        StackUnderTest.declares("log-files"),
        "the stack keeps its logs as container output, not files");
    Prerequisite.require(
        Files.isDirectory(STACK.stateDir().resolve("logs")),
        "the stack under test wrote no log files in " + STACK.stateDir());
  }

  @Test
  void theStackHasGeneratedSecretsToLookFor() {
    assertThat(SECRETS).as("generated secrets").hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void noGeneratedSecretIsInTheJarTheReplicasRun() throws IOException {
    List<Path> jars =
        Stream.of(
                STACK.stateDir().resolve("app/messageboard.jar"),
                REPO.resolve("bootstrap/target/messageboard.jar"))
            .filter(Files::isRegularFile)
            .toList();
    assertThat(jars).as("jars to scan").isNotEmpty();

    for (Path jar : jars) {
      List<String> leaks = new ArrayList<>(leaksIn(jar.toString(), Files.readAllBytes(jar)));
      // Entries are compressed: each is also scanned as it unpacks.
      try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
          leaks.addAll(leaksIn(jar + "!" + entry.getName(), zip.readAllBytes()));
        }
      }
      assertThat(leaks).as("secrets in " + jar).isEmpty();
    }
  }

  @Test
  void noGeneratedSecretIsInTheRenderedKubernetesManifests() throws Exception {
    for (String kustomization : RenderedManifests.KUSTOMIZATIONS) {
      String rendered = RenderedManifests.render(kustomization).documents().toString();
      assertThat(leaksIn(kustomization, rendered.getBytes(StandardCharsets.UTF_8)))
          .as("secrets rendered from " + kustomization)
          .isEmpty();
    }
  }

  @Test
  void noGeneratedSecretIsInAnyLogOfTheStack() throws IOException {
    List<String> leaks = new ArrayList<>();
    int scanned = 0;
    try (Stream<Path> logs = Files.walk(STACK.stateDir().resolve("logs"))) {
      for (Path log : logs.filter(Files::isRegularFile).toList()) {
        leaks.addAll(leaksIn(log.toString(), Files.readAllBytes(log)));
        scanned++;
      }
    }
    System.out.printf("secrets scan: %d secrets, %d log files%n", SECRETS.size(), scanned);

    assertThat(scanned).as("log files scanned").isPositive();
    assertThat(leaks).isEmpty();
  }

  /** Names of the secrets (never their values) found in {@code content}, plain or base64. */
  private static List<String> leaksIn(String where, byte[] content) {
    String text = new String(content, StandardCharsets.ISO_8859_1);
    List<String> leaks = new ArrayList<>();
    SECRETS.forEach(
        (name, value) -> {
          String base64 =
              Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
          if (text.contains(value) || text.contains(base64)) {
            leaks.add(name + " in " + where);
          }
        });
    return leaks;
  }

  /** Every secret value in the secrets folder, keyed by file name and position. */
  private static Map<String, String> secrets() {
    Map<String, String> secrets = new LinkedHashMap<>();
    List<PathMatcher> matchers =
        SECRET_FILES.stream()
            .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
            .toList();
    try (Stream<Path> files = Files.list(STACK.stateDir().resolve("secrets"))) {
      for (Path file : files.sorted().toList()) {
        if (matchers.stream().noneMatch(m -> m.matches(file.getFileName()))) {
          continue;
        }
        String[] values = Files.readString(file).split("[,\\n]", -1);
        for (int i = 0; i < values.length; i++) {
          String value = values[i].strip();
          // Short values would match by chance; generated secrets are far longer.
          if (value.length() >= 16) {
            secrets.put(file.getFileName() + "#" + i, value);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return secrets;
  }
}
