package io.messageboard.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.messageboard.deploy.e2e.StackUnderTest.PlainHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * nginx terminates TLS as a public endpoint should: a certificate from the stack's CA for the
 * address clients use, TLS 1.2 and 1.3 only, forward-secret AEAD suites only, no session tickets,
 * HSTS on every answer over HTTPS; its plain-HTTP port serves (loopback) or redirects (compose).
 * The handshakes of old versions are tried with openssl's s_client told to offer them at any
 * security level, so a refusal is nginx's (its "protocol version" alert), never the client's.
 */
class TlsAtNginxIT {

  private static final StackUnderTest STACK = StackUnderTest.fromSystemProperties();
  private static final URI BASE = URI.create(STACK.baseUrl());
  private static final long ONE_YEAR_SECONDS = 365L * 24 * 3600;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void theSuiteTalksHttpsToACertificateOnlyTheStacksCaVouchesFor() throws Exception {
    assertThat(BASE.getScheme()).isEqualTo("https");
    assertThat(get(STACK.baseUrl() + "/api/v1/messages?limit=1").statusCode()).isEqualTo(200);

    HttpClient trustingOnlyPublicCas =
        HttpClient.newBuilder()
            .sslContext(publicCasOnly())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    assertThatThrownBy(
            () ->
                trustingOnlyPublicCas.send(
                    HttpRequest.newBuilder(BASE.resolve("/api/v1/messages?limit=1")).build(),
                    HttpResponse.BodyHandlers.discarding()))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-tls1", "-tls1_1"})
  void tls10And11AreRefusedByNginx(String version) throws Exception {
    String handshake = handshake(version, "-cipher", "DEFAULT:@SECLEVEL=0");

    assertThat(handshake).contains("alert protocol version").doesNotContain("Verification: OK");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-tls1_2", "-tls1_3"})
  void tls12And13AreAcceptedWithAVerifiedCertificate(String version) throws Exception {
    String handshake = handshake(version);

    assertThat(handshake)
        .contains("Protocol version: TLSv1." + version.substring(version.length() - 1))
        .contains("Verification: OK");
  }

  @Test
  void suitesWithoutForwardSecrecyOrAeadAreRefused() throws Exception {
    // Both fit nginx's ECDSA key, so only the configured list can refuse them.
    for (String suite : List.of("ECDHE-ECDSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA384")) {
      assertThat(handshake("-tls1_2", "-cipher", suite + ":@SECLEVEL=0"))
          .as(suite)
          .contains("alert handshake failure");
    }
  }

  @Test
  void sessionsResumeFromNginxsCacheWithoutTickets(@TempDir Path folder) throws Exception {
    Path session = folder.resolve("session.pem");
    String first =
        openssl(
            List.of(
                "s_client", "-tls1_2", "-connect", hostAndPort(), "-sess_out", session.toString()));
    String second =
        openssl(
            List.of(
                "s_client", "-tls1_2", "-connect", hostAndPort(), "-sess_in", session.toString()));

    assertThat(first).contains("New, TLSv1.2").doesNotContain("TLS session ticket:");
    assertThat(second).contains("Reused, TLSv1.2").doesNotContain("TLS session ticket:");
  }

  @Test
  void everyHttpsAnswerCarriesHsts() throws Exception {
    HttpResponse<String> fromAReplica = get(STACK.baseUrl() + "/api/v1/messages?limit=1");
    HttpResponse<String> fromNginx = get(STACK.baseUrl() + "/metrics");

    assertThat(fromNginx.statusCode()).isEqualTo(404);
    for (HttpResponse<String> response : List.of(fromAReplica, fromNginx)) {
      String hsts = response.headers().firstValue("Strict-Transport-Security").orElse("");
      assertThat(hsts).matches("max-age=\\d+");
      assertThat(Long.parseLong(hsts.substring("max-age=".length())))
          .isGreaterThanOrEqualTo(ONE_YEAR_SECONDS);
    }
  }

  @Test
  void thePlainPortServesOrRedirectsAsTheStackSaysAndNeverSendsHsts() throws Exception {
    HttpResponse<String> plain = get(STACK.plainUrl() + "/api/v1/messages?limit=1");

    assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    if (STACK.plainHttp() == PlainHttp.SERVE) {
      assertThat(URI.create(STACK.plainUrl()).getHost()).isEqualTo("127.0.0.1");
      assertThat(plain.statusCode()).isEqualTo(200);
    } else {
      assertThat(plain.statusCode()).isEqualTo(308);
      assertThat(plain.headers().firstValue("Location"))
          .hasValueSatisfying(
              location ->
                  assertThat(location).startsWith("https://").endsWith("/api/v1/messages?limit=1"));
    }
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static SSLContext publicCasOnly() throws Exception {
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init((KeyStore) null);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static String hostAndPort() {
    return BASE.getHost() + ":" + BASE.getPort();
  }

  /** One handshake with s_client -brief, verifying nginx's certificate and address. */
  private static String handshake(String version, String... options)
      throws IOException, InterruptedException {
    List<String> arguments = new ArrayList<>(List.of("s_client", "-brief", version));
    arguments.addAll(List.of(options));
    arguments.addAll(
        List.of(
            "-connect",
            hostAndPort(),
            "-CAfile",
            System.getProperty(StackCertificateAuthority.CA_FILE_PROPERTY),
            "-verify_ip",
            BASE.getHost(),
            "-verify_return_error"));
    return openssl(arguments);
  }

  private static String openssl(List<String> arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(arguments);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("openssl finished").isTrue();
    return output;
  }
}
