package io.messageboard.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API docs page, served through nginx, renders its operations in a real browser. */
class ApiDocsIT {

  private static final StackUnderTest STACK = StackUnderTest.fromSystemProperties();

  @TempDir Path profile;

  @Test
  void theDocsPageRendersEveryOperationOfTheContractInHeadlessChromium() throws Exception {
    String dom = chromium("--dump-dom");

    assertThat(dom)
        .contains("data-path=\"/api/v1/messages\"")
        .contains("data-path=\"/api/v1/messages/{id}\"")
        .contains("data-path=\"/data\"")
        .contains("data-path=\"/data/{id}\"");
    assertThat(dom.split("class=\"opblock opblock-", -1)).hasSizeGreaterThan(10);
  }

  @Test
  void aScreenshotOfTheDocsPageIsKeptForCi() throws Exception {
    Path screenshot = STACK.artifactsDir().resolve("api-docs.png");
    Files.deleteIfExists(screenshot);

    chromium("--screenshot=" + screenshot, "--window-size=1280,1600");

    assertThat(screenshot).exists();
    assertThat(Files.size(screenshot)).isGreaterThan(10_000);
  }

  private String chromium(String... action) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=10000"));
    if (URI.create(STACK.baseUrl()).getScheme().equals("https")) {
      command.add("--ignore-certificate-errors-spki-list=" + verifiedServerKeyPin());
    }
    command.addAll(List.of(action));
    command.add(STACK.baseUrl() + "/api/docs");
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    assertThat(process.exitValue()).as("chromium exit code").isZero();
    return new String(output, StandardCharsets.UTF_8);
  }

  /**
   * Chromium is given no CA of the stack's; it accepts exactly the key nginx presented in a
   * handshake that Java verified against the stack's CA and address (SHA-256 of its SPKI).
   */
  private static String verifiedServerKeyPin() throws IOException, GeneralSecurityException {
    URI base = URI.create(STACK.baseUrl());
    try (SSLSocket socket =
        (SSLSocket)
            SSLContext.getDefault()
                .getSocketFactory()
                .createSocket(base.getHost(), base.getPort())) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      byte[] key = socket.getSession().getPeerCertificates()[0].getPublicKey().getEncoded();
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(key));
    }
  }
}
