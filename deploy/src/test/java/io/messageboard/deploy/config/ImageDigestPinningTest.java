package io.messageboard.deploy.config;

import static io.messageboard.deploy.config.ExternalTool.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;

import io.messageboard.client.CertificateAuthorities;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/k8s/pin-images against a real registry (the distribution registry, Debian's
 * docker-registry, on loopback over TLS with a certificate of the test's making): it writes the
 * digest of a multi-arch image's index, and check fails on a stale digest or the placeholder.
 */
class ImageDigestPinningTest {

  private static final Path SCRIPT = DEPLOY.resolve("k8s/pin-images");
  private static final String PLACEHOLDER = "sha256:" + "0".repeat(64);
  private static final String TAG = "1.0";

  @TempDir static Path work;

  private static Process registry;
  private static String repository;
  private static String indexDigest;
  private static HttpClient http;
  private static Map<String, String> trustTheRegistry;

  @BeforeAll
  static void startARegistryHoldingAMultiArchImage() throws Exception {
    for (String tool : List.of("docker-registry", "skopeo", "openssl", "kubectl")) {
      ExternalTool.require(tool);
    }
    Path certificate = work.resolve("registry.crt");
    ExternalTool.run(
        work,
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        "registry.key",
        "-out",
        certificate.toString(),
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1");
    // skopeo (Go) trusts the certificates in SSL_CERT_FILE: no insecure switch in the script.
    trustTheRegistry = Map.of("SSL_CERT_FILE", certificate.toString());
    http = HttpClient.newBuilder().sslContext(CertificateAuthorities.trusting(certificate)).build();

    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    Path config = work.resolve("registry.yml");
    Files.writeString(
        config,
        """
        version: 0.1
        log:
          level: warn
          accesslog:
            disabled: true
        storage:
          filesystem:
            rootdirectory: %s
        http:
          addr: 127.0.0.1:%d
          tls:
            certificate: %s
            key: %s
        """
            .formatted(work.resolve("storage"), port, certificate, work.resolve("registry.key")));
    registry =
        new ProcessBuilder("docker-registry", "serve", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("registry.log").toFile())
            .start();
    repository = "127.0.0.1:%d/test/tiny".formatted(port);
    awaitRegistry(port);

    // Platforms this machine is not, so a tool that resolves the index to its own platform fails.
    indexDigest = OciImageLayout.write(work.resolve("oci"), TAG, List.of("riscv64", "s390x"));
    Path policy = work.resolve("policy.json");
    Files.writeString(policy, "{\"default\":[{\"type\":\"insecureAcceptAnything\"}]}");
    ExternalTool.run(
        work,
        trustTheRegistry,
        "skopeo",
        "copy",
        "--quiet",
        "--all",
        "--policy",
        policy.toString(),
        "oci:" + work.resolve("oci") + ":" + TAG,
        "docker://" + repository + ":" + TAG);
  }

  @AfterAll
  static void stopTheRegistry() throws InterruptedException {
    if (registry != null) {
      registry.destroy();
      if (!registry.waitFor(10, TimeUnit.SECONDS)) {
        registry.destroyForcibly();
      }
    }
  }

  @Test
  void writePinsEachTagToTheDigestOfItsMultiArchIndexAndKustomizeRendersIt(@TempDir Path folder)
      throws Exception {
    Files.writeString(
        folder.resolve("deployment.yaml"),
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: tiny}
        spec:
          template:
            spec:
              containers:
                - {name: by-short-name, image: tiny}
                - {name: by-full-name, image: %s}
        """
            .formatted(repository));
    String before =
        """
        resources:
          - deployment.yaml
        # The image, by tag and digest.
        images:
          - name: tiny
            newName: %1$s
            newTag: "%2$s"
            digest: %3$s

          # Without a digest yet.
          - name: %1$s
            newTag: "%2$s"
        """
            .formatted(repository, TAG, PLACEHOLDER);
    Files.writeString(folder.resolve("kustomization.yaml"), before);

    Result written = pinImages("write", folder);

    assertThat(written.exitCode()).as(written.output()).isZero();
    assertThat(registryDigest()).isEqualTo(indexDigest);
    assertThat(Files.readString(folder.resolve("kustomization.yaml")))
        .isEqualTo(
            """
            resources:
              - deployment.yaml
            # The image, by tag and digest.
            images:
              - name: tiny
                newName: %1$s
                newTag: "%2$s"
                digest: %3$s

              # Without a digest yet.
              - name: %1$s
                newTag: "%2$s"
                digest: %3$s
            """
                .formatted(repository, TAG, indexDigest));
    String pinned = "image: " + repository + ":" + TAG + "@" + indexDigest;
    String rendered = ExternalTool.output(folder, "kubectl", "kustomize", ".");
    long running =
        rendered
            .lines()
            .map(String::strip)
            .map(line -> line.startsWith("- ") ? line.substring(2) : line)
            .filter(pinned::equals)
            .count();
    assertThat(running).as("containers running the pinned image in%n%s", rendered).isEqualTo(2);
  }

  @Test
  void checkPassesWhenEveryDigestIsTheOneItsTagPointsTo(@TempDir Path folder) throws Exception {
    writeKustomization(folder, "    newTag: \"%s\"\n    digest: %s\n".formatted(TAG, indexDigest));

    Result checked = pinImages("check", folder);

    assertThat(checked.exitCode()).as(checked.output()).isZero();
  }

  @Test
  void checkFailsOnAStaleDigestAndChangesNothing(@TempDir Path folder) throws Exception {
    String stale =
        OciImageLayout.sha256("an image the tag pointed to once".getBytes(StandardCharsets.UTF_8));
    String content =
        writeKustomization(folder, "    newTag: \"%s\"\n    digest: %s\n".formatted(TAG, stale));

    Result checked = pinImages("check", folder);

    assertThat(checked.exitCode()).isEqualTo(1);
    assertThat(checked.output()).contains("tiny is stale", indexDigest, stale);
    assertThat(Files.readString(folder.resolve("kustomization.yaml"))).isEqualTo(content);
  }

  @Test
  void checkReportsTheBasesPlaceholderDigest(@TempDir Path folder) throws Exception {
    Files.copy(DEPLOY.resolve("k8s/base/kustomization.yaml"), folder.resolve("kustomization.yaml"));

    Result checked = pinImages("check", folder);

    assertThat(checked.exitCode()).isEqualTo(1);
    assertThat(checked.output()).contains("messageboard has the placeholder digest");
  }

  @Test
  void writeRefusesAnImageWithoutARegistryAndLeavesItsPlaceholder(@TempDir Path folder)
      throws Exception {
    String content =
        """
        images:
          - name: tiny
            newTag: "%s"
            digest: %s
        """
            .formatted(TAG, PLACEHOLDER);
    Files.writeString(folder.resolve("kustomization.yaml"), content);

    Result written = pinImages("write", folder);

    assertThat(written.exitCode()).isEqualTo(1);
    assertThat(written.output()).contains("tiny names no registry");
    assertThat(Files.readString(folder.resolve("kustomization.yaml"))).isEqualTo(content);
  }

  @Test
  void writeRefusesALayoutItDoesNotKnowAndChangesNothing(@TempDir Path folder) throws Exception {
    for (String entry :
        List.of(
            "images:\n- name: tiny\n  newName: %s\n  newTag: \"1.0\"\n",
            "images:\n  - name: tiny\n    newName: %s\n    newTag: \"1.0\"\n    tag: x\n",
            "images:\n  - {name: tiny, newName: %s, newTag: \"1.0\"}\n")) {
      String content = entry.formatted(repository);
      Files.writeString(folder.resolve("kustomization.yaml"), content);

      Result written = pinImages("write", folder);

      assertThat(written.exitCode()).as("%s%n%s", content, written.output()).isEqualTo(2);
      assertThat(Files.readString(folder.resolve("kustomization.yaml"))).isEqualTo(content);
    }
  }

  /** A kustomization with one image entry for the registry's image; returns its text. */
  private static String writeKustomization(Path folder, String fields) throws IOException {
    String content = "images:\n  - name: tiny\n    newName: %s\n%s".formatted(repository, fields);
    Files.writeString(folder.resolve("kustomization.yaml"), content);
    return content;
  }

  private record Result(int exitCode, String output) {}

  private static Result pinImages(String verb, Path folder) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(SCRIPT.toString(), verb, folder.toString()).redirectErrorStream(true);
    builder.environment().putAll(trustTheRegistry);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("pin-images finished").isTrue();
    return new Result(process.exitValue(), output);
  }

  /** The digest the registry gives for the tag, asked for an index as a multi-arch client does. */
  private static String registryDigest() throws Exception {
    HttpResponse<Void> response =
        http.send(
            HttpRequest.newBuilder(manifestUri())
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Accept", OciImageLayout.INDEX)
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.headers().firstValue("Docker-Content-Digest").orElseThrow();
  }

  private static URI manifestUri() {
    String host = repository.substring(0, repository.indexOf('/'));
    String path = repository.substring(repository.indexOf('/') + 1);
    return URI.create("https://%s/v2/%s/manifests/%s".formatted(host, path, TAG));
  }

  private static void awaitRegistry(int port) throws Exception {
    URI base = URI.create("https://127.0.0.1:%d/v2/".formatted(port));
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      assertThat(registry.isAlive())
          .as("registry running; log:%n%s", Files.readString(work.resolve("registry.log")))
          .isTrue();
      try {
        HttpResponse<Void> response =
            http.send(HttpRequest.newBuilder(base).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      assertThat(Instant.now()).as("registry up in time").isBefore(deadline);
      Thread.sleep(100);
    }
  }
}
